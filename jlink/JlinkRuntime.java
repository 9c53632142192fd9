import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/// Builds Rackside's trimmed Java runtime: the JDK modules the app needs plus JavaFX, and nothing of
/// the app itself (its jars stay on the class path beside the runtime).
///
///     java jlink/JlinkRuntime.java --jars DIR --javafx DIR --extra FILE --output DIR
///
/// - `--jars`: the app jar and its non-JavaFX runtime dependencies (the class path to analyse);
/// - `--javafx`: the JavaFX jars with this OS's classifier (modular jars, usable by jlink);
/// - `--extra`: modules jdeps cannot see (services, locales), one per line, `#` comments;
/// - `--output`: the runtime image to create (replaced if present).
///
/// Run by the `installer` Maven profile of `app`; a plain Java program through the JDK's own
/// `ToolProvider`s, so the same command works on Linux, macOS and Windows.
public final class JlinkRuntime {
    public static void main(String[] args) throws Exception {
        Path jars = Path.of(arg(args, "--jars"));
        Path javafx = Path.of(arg(args, "--javafx"));
        Path extra = Path.of(arg(args, "--extra"));
        Path output = Path.of(arg(args, "--output"));

        List<Path> classPath = jarsIn(jars);
        List<Path> fxJars = jarsIn(javafx);
        if (classPath.isEmpty() || fxJars.isEmpty()) {
            fail("no jars in " + jars + " or " + javafx + " (run through the `installer` profile of app)");
        }

        TreeSet<String> modules = new TreeSet<>(jdeps(jars, javafx, classPath));
        modules.addAll(extraModules(extra));
        // The app reaches JavaFX through javafx.controls (which brings base and graphics).
        modules.add("javafx.controls");
        log("modules: " + String.join(",", modules));

        deleteTree(output);
        run("jlink",
                "--module-path", javafx.toString(),
                "--add-modules", String.join(",", modules),
                // English and French are the app's languages; other locales' data is 20 MB.
                "--include-locales=en,fr",
                "--no-header-files", "--no-man-pages",
                // Keep line numbers: stack traces in bug reports stay readable (no --strip-debug).
                // No --compress: the installers compress their payload as a whole (xz), which gets
                // the modules to half the size zip-6 inside the image does, and the JVM reads them
                // at start without inflating.
                // A default CDS archive for the runtime: what a run without the app's AOT cache uses.
                "--generate-cds-archive",
                // JavaFX's natives go to the runtime's library folder (below) instead of being
                // extracted from the module to ~/.openjfx/cache on every first start.
                "--exclude-resources=/javafx.*/*.so,/javafx.*/*.dll,/javafx.*/*.dylib",
                "--output", output.toString());
        // jlink writes a second archive for heaps over 32 GB (no compressed oops): not a desktop
        // console's case, and 16 MB.
        Files.deleteIfExists(output.resolve("lib/server/classes_nocoops.jsa"));
        Files.deleteIfExists(output.resolve("bin/server/classes_nocoops.jsa"));
        int natives = copyNatives(fxJars, nativeDir(output));
        log("runtime: " + output + " (" + natives + " JavaFX native libraries in " + nativeDir(output).getFileName() + "/)");
    }

    /// JDK modules the class path needs. jdeps analyses modular jars as modules and then insists on
    /// resolving every `requires` (okhttp3 → okio, Jetty's servlet jar → a Jetty S3Proxy shades), so
    /// the classes of all jars are copied, without their module descriptors, into one folder that
    /// jdeps reads as a single unnamed module.
    static List<String> jdeps(Path jars, Path javafx, List<Path> classPath) throws IOException {
        Path flat = Files.createTempDirectory("rackside-jdeps");
        try {
            for (Path jar : classPath) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (var entry : zip.stream().toList()) {
                        String name = entry.getName();
                        if (entry.isDirectory() || !name.endsWith(".class") || name.endsWith("module-info.class")
                                || name.startsWith("META-INF/")) {
                            continue;
                        }
                        Path target = flat.resolve(name).normalize();
                        if (!target.startsWith(flat)) {
                            continue; // a hostile entry name; nothing of ours, but never write outside
                        }
                        Files.createDirectories(target.getParent());
                        try (var in = zip.getInputStream(entry)) {
                            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            String out = run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--module-path", javafx.toString(),
                    flat.toString());
            String last = "";
            for (String line : out.split("\\R")) {
                if (!line.isBlank() && !line.startsWith("Warning")) {
                    last = line.trim();
                }
            }
            if (!last.matches("[a-z0-9.]+(,[a-z0-9.]+)*")) {
                fail("jdeps gave no module list:\n" + out);
            }
            return List.of(last.split(","));
        } finally {
            try (var walk = Files.walk(flat)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<String> extraModules(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(l -> l.replaceAll("#.*", "").trim())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /// JavaFX looks for its natives in `lib/` (`bin/` on Windows) of the runtime before it extracts
    /// them from its jar: the JDK's own natives live there too.
    static Path nativeDir(Path runtime) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return runtime.resolve(windows ? "bin" : "lib");
    }

    static int copyNatives(List<Path> fxJars, Path dir) throws IOException {
        int count = 0;
        for (Path jar : fxJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (var entry : zip.stream().toList()) {
                    String name = entry.getName();
                    if (!name.contains("/") && name.matches(".+\\.(so|dll|dylib)")) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is missing: run with a full JDK 25, not a JRE"));
        StringWriter out = new StringWriter();
        int rc = provider.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        if (rc != 0) {
            fail(tool + " failed (" + rc + "):\n" + out);
        }
        return out.toString();
    }

    static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String arg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        fail("missing argument " + name);
        return null;
    }

    static void log(String message) {
        System.out.println("[jlink] " + message);
    }

    static void fail(String message) {
        System.err.println("[jlink] ERROR: " + message);
        System.exit(1);
    }
}
