import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Signing and notarization on macOS for [Installers], active only when the keys are provided
/// (CI secrets). Compiled with `Installers.java` by the source launcher (JDK 22+, JEP 458).
final class MacSigning {
    private MacSigning() {
    }

    static final String IDENTITY = System.getenv("RACKSIDE_MAC_SIGN_IDENTITY");  // "Developer ID Application: NAME (TEAM)" user-name part
    static final String KEYCHAIN = System.getenv("RACKSIDE_MAC_KEYCHAIN");       // optional: path of the keychain holding it
    static final String NOTARY = System.getenv("RACKSIDE_MAC_NOTARY_PROFILE");   // optional: `xcrun notarytool store-credentials` profile

    static List<String> packageOptions() {
        if (IDENTITY == null || IDENTITY.isBlank()) {
            return List.of();
        }
        List<String> o = new ArrayList<>(List.of("--mac-sign", "--mac-signing-key-user-name", IDENTITY));
        if (KEYCHAIN != null && !KEYCHAIN.isBlank()) {
            o.addAll(List.of("--mac-signing-keychain", KEYCHAIN));
        }
        return o;
    }

    static void signImageIfConfigured(Path image) {
        if (packageOptions().isEmpty()) {
            Installers.log("macOS: RACKSIDE_MAC_SIGN_IDENTITY not set, the image and the .dmg stay unsigned");
            return;
        }
        List<String> sign = new ArrayList<>(List.of("--type", "app-image", "--app-image", image.toString()));
        sign.addAll(packageOptions());
        Installers.jpackage(sign);
    }

    static void notarizeIfConfigured(Path dmg) throws IOException, InterruptedException {
        if (NOTARY == null || NOTARY.isBlank() || packageOptions().isEmpty()) {
            return;
        }
        Installers.exec("xcrun", "notarytool", "submit", dmg.toString(), "--keychain-profile", NOTARY, "--wait");
        Installers.exec("xcrun", "stapler", "staple", dmg.toString());
    }
}
