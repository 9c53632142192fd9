import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/// Builds Rackside's installer for the current OS from the jlinked runtime and the app's jars:
///
/// 1. `jpackage --type app-image`: launcher, runtime, jars on the class path, options from
///    `installers/app-image.args` (and `installers/<os>/app-image.args`);
/// 2. trains the JDK 25 AOT cache `rackside.aot` inside that image: the image's own launcher runs the
///    app in demo mode up to its filled window (main class swapped for `StartupTraining`, which
///    says why no further) with `-XX:AOTCacheOutput` in place of `-XX:AOTCache`, so the cache
///    matches the runtime and class path that ship;
/// 3. Linux: replaces jpackage's launcher with a script doing the same without asking the package
///    managers who owns it at every start (`LinuxLauncher.java`);
/// 4. checks the cache loads (`-XX:AOTMode=on`) and the app reaches its first frame with it;
/// 5. macOS: signs the image if `RACKSIDE_MAC_SIGN_IDENTITY` is set (after training, so the cache
///    is covered by the signature);
/// 6. `jpackage --type deb|rpm|msi|dmg --app-image …` with `installers/<os>/<type>.args`.
///
///     java installers/Installers.java --input DIR --main-jar JAR --runtime DIR --version V \
///          --config installers --work DIR --dest DIR [--types auto|deb,rpm|msi|dmg]
///
/// Run by the `installer` profile of app. Only the JDK is needed, plus the OS's packaging tools
/// (Linux: dpkg-deb and fakeroot for .deb, rpmbuild for .rpm; Windows: WiX; macOS: hdiutil).
///
/// `Os.java`, `AppImage.java`, `LinuxLauncher.java` and `MacSigning.java` beside it are part of this program: the source
/// launcher compiles them with it (multi-file source programs, JDK 22+), so the command stays the same.
public final class Installers {
    static final String NAME = "Rackside";
    static final String TRAINING_MAIN = "dev.rackside.app.feature.about.StartupTraining";

    public static void main(String[] args) throws Exception {
        Path input = Path.of(arg(args, "--input", null));
        String mainJar = arg(args, "--main-jar", null);
        Path runtime = Path.of(arg(args, "--runtime", null));
        Path config = Path.of(arg(args, "--config", null)).toAbsolutePath();
        Path work = Path.of(arg(args, "--work", null)).toAbsolutePath();
        Path dest = Path.of(arg(args, "--dest", null)).toAbsolutePath();
        Os os = Os.current();
        String version = os.packageVersion(arg(args, "--version", null));
        List<String> types = types(arg(args, "--types", "auto"), os);
        checkTools(os, types);

        deleteTree(work);
        deleteTree(dest);
        Files.createDirectories(work);
        Files.createDirectories(dest);

        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", work.toString(),
                "--input", input.toString(), "--main-jar", mainJar, "--runtime-image", runtime.toString(),
                "--app-version", version, "--icon", config.resolve("icons").resolve(os.icon).toString(),
                "@" + config.resolve("app-image.args")));
        Path osImageArgs = config.resolve(os.dir).resolve("app-image.args");
        if (Files.exists(osImageArgs)) {
            image.add("@" + osImageArgs);
        }
        jpackage(image);
        AppImage app = new AppImage(os, work);

        // The AOT cache records each class-path jar's modification time and is refused when an
        // installed jar's differs. jpackage copies the image again when it packages it, so every file
        // gets one fixed time now, and packaging clamps the times to it (SOURCE_DATE_EPOCH, honoured
        // by dpkg-deb and, with the macro below, rpmbuild).
        long epoch = System.currentTimeMillis() / 1000 - 60;
        stamp(app.root(), epoch);
        Path aot = app.train(work.resolve("training"));
        if (os == Os.LINUX) {
            LinuxLauncher.replace(app); // after training: that swaps the cfg's main class and options
        }
        stamp(app.root(), epoch);
        log("AOT cache: " + aot + " (" + Files.size(aot) / (1024 * 1024) + " MB)");
        long ms = app.firstFrame(work.resolve("check"), Map.of(), "-XX:AOTMode=on");
        log("first frame with the AOT cache required (-XX:AOTMode=on): " + ms + " ms");

        if (os == Os.MAC) {
            MacSigning.signImageIfConfigured(app.root());
        }
        for (String type : types) {
            List<String> pkg = new ArrayList<>(List.of("--type", type, "--app-image", app.root().toString(),
                    "--name", NAME, "--app-version", version, "--dest", dest.toString(),
                    "@" + config.resolve(os.dir).resolve(type + ".args")));
            if (os == Os.LINUX) { // the desktop entry's icon; Windows and macOS take it from the image
                pkg.addAll(List.of("--icon", config.resolve("icons").resolve(os.icon).toString()));
            }
            if (os == Os.MAC) {
                pkg.addAll(MacSigning.packageOptions());
            }
            jpackage(pkg, packagingEnv(work, epoch));
        }
        try (Stream<Path> out = Files.list(dest)) {
            for (Path p : out.sorted().toList()) {
                if (os == Os.MAC && p.toString().endsWith(".dmg")) {
                    MacSigning.notarizeIfConfigured(p);
                }
                log("installer: " + p + " (" + String.format(Locale.ROOT, "%.1f", Files.size(p) / 1048576.0) + " MB)");
            }
        }
    }


    static List<String> types(String value, Os os) {
        return value.equals("auto") ? os.defaultTypes() : List.of(value.split(","));
    }

    static void checkTools(Os os, List<String> types) {
        if (os != Os.LINUX) {
            return; // jpackage itself says clearly when WiX or hdiutil is missing
        }
        List<String> missing = new ArrayList<>();
        if (types.contains("deb")) {
            for (String tool : List.of("dpkg-deb", "fakeroot")) {
                if (!onPath(tool)) {
                    missing.add(tool);
                }
            }
        }
        if (types.contains("rpm") && !onPath("rpmbuild")) {
            missing.add("rpmbuild");
        }
        if (!missing.isEmpty()) {
            fail("missing " + String.join(", ", missing) + " for " + String.join(",", types)
                    + ": on Debian/Ubuntu `apt-get install fakeroot binutils rpm`; or build only some types with"
                    + " -Drackside.installer.types=deb (or rpm)");
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    static void jpackage(List<String> args) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("jpackage is missing: run with a full JDK 25"));
        log("jpackage " + String.join(" ", args));
        StringWriter out = new StringWriter();
        int rc = jpackage.run(new PrintWriter(out, true), new PrintWriter(out, true), args.toArray(String[]::new));
        if (rc != 0) {
            fail("jpackage failed (" + rc + "):\n" + out);
        }
    }

    /// jpackage in its own process, for the environment its packaging tools read.
    static void jpackage(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        boolean windows = Os.current() == Os.WINDOWS;
        Path tool = Path.of(System.getProperty("java.home"), "bin", windows ? "jpackage.exe" : "jpackage");
        List<String> cmd = new ArrayList<>(List.of(tool.toString()));
        cmd.addAll(args);
        log("jpackage " + String.join(" ", args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (p.waitFor() != 0) {
            fail("jpackage failed (" + p.exitValue() + ")");
        }
    }

    /// SOURCE_DATE_EPOCH makes dpkg-deb clamp the files' times to the image's; rpmbuild does so when
    /// %clamp_mtime_to_source_date_epoch is on, which a private ~/.rpmmacros turns on. The same file
    /// asks rpmbuild for an xz payload, as dpkg-deb uses: the image's jars and runtime modules are left
    /// uncompressed for it (installers/PackJars.java, jlink/JlinkRuntime.java), and some rpmbuilds
    /// default to gzip.
    static Map<String, String> packagingEnv(Path work, long epoch) throws IOException {
        if (Os.current() != Os.LINUX) {
            return Map.of("SOURCE_DATE_EPOCH", Long.toString(epoch)); // keep HOME: macOS finds keychains by it
        }
        Path home = work.resolve("packaging-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve(".rpmmacros"), "%clamp_mtime_to_source_date_epoch 1\n%_binary_payload w6.xzdio\n");
        return Map.of("SOURCE_DATE_EPOCH", Long.toString(epoch), "HOME", home.toString());
    }

    static void stamp(Path root, long epochSeconds) throws IOException {
        var time = java.nio.file.attribute.FileTime.from(epochSeconds, TimeUnit.SECONDS);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, time);
            }
        }
    }

    static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            fail(String.join(" ", cmd) + " failed with " + p.exitValue());
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            fail("missing argument " + name);
        }
        return fallback;
    }

    static void log(String message) {
        System.out.println("[installers] " + message);
    }

    static void fail(String message) {
        System.err.println("[installers] ERROR: " + message);
        System.exit(1);
    }
}
