import java.util.List;
import java.util.Locale;

/// The OS [Installers] runs on, which decides the installer types, the icon and the folder of
/// `installers/` holding its jpackage options. Compiled with `Installers.java` by the source
/// launcher (JDK 22+, JEP 458).
enum Os {
    LINUX("linux", "rackside.png"), WINDOWS("windows", "rackside.ico"), MAC("macos", "rackside.icns");

    final String dir;
    final String icon;

    Os(String dir, String icon) {
        this.dir = dir;
        this.icon = icon;
    }

    static Os current() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
    }

    /// jpackage wants one to three numbers; the Windows Installer fails on "-SNAPSHOT" and macOS
    /// refuses a major version of 0 (CFBundleVersion): there, 0.x.y is packaged as 1.x.y until
    /// Rackside reaches 1.0. The About dialog always shows the real version.
    String packageVersion(String projectVersion) {
        String numeric = projectVersion.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", "");
        if (this == MAC && numeric.startsWith("0.")) {
            numeric = "1" + numeric.substring(1);
        }
        return numeric;
    }

    List<String> defaultTypes() {
        return switch (this) {
            case LINUX -> List.of("deb", "rpm");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }
}
