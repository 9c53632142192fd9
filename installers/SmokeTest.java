import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/// Installs the installer built for this OS into a scratch folder, starts the installed launcher in
/// demo mode with the AOT cache required (`-XX:AOTMode=on`: a cache that does not match the installed
/// runtime and class path fails the run) until its first frame, its filled window and its demo
/// cluster connected, and removes it again.
///
///     java installers/SmokeTest.java app/target/installer/dist
///
/// - Linux: `dpkg-deb -x` of the .deb (also checks the desktop entry, icon, cache, launcher script,
///   maintainer and description);
/// - Windows: an administrative install of the .msi (`msiexec /a`, unpacks without registering);
/// - macOS: mounts the .dmg and copies the .app out.
/// Without a display on Linux the app runs on JavaFX's Headless platform.
public final class SmokeTest {
    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "app/target/installer/dist").toAbsolutePath();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path scratch = Files.createTempDirectory("rackside-smoke");
        boolean passed = false;
        try {
            Path launcher;
            if (os.startsWith("windows")) {
                Path msi = only(dist, ".msi");
                exec("msiexec", "/a", msi.toString(), "/qn", "TARGETDIR=" + scratch.resolve("install"));
                launcher = find(scratch, "Rackside.exe");
            } else if (os.startsWith("mac")) {
                Path dmg = only(dist, ".dmg");
                Path mount = scratch.resolve("mnt");
                Files.createDirectories(mount);
                exec("hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", mount.toString(), dmg.toString());
                try {
                    exec("cp", "-R", mount.resolve("Rackside.app").toString(), scratch.toString());
                } finally {
                    exec("hdiutil", "detach", mount.toString());
                }
                launcher = scratch.resolve("Rackside.app/Contents/MacOS/Rackside");
            } else {
                Path deb = only(dist, ".deb");
                Path root = scratch.resolve("root");
                exec("dpkg-deb", "-x", deb.toString(), root.toString());
                Path app = root.resolve("opt/rackside");
                for (String file : List.of("bin/Rackside", "lib/Rackside.png", "lib/rackside-Rackside.desktop",
                        "lib/app/rackside.aot", "lib/runtime/lib/libglass.so")) {
                    require(Files.exists(app.resolve(file)), "the .deb lacks /opt/rackside/" + file);
                }
                String desktop = Files.readString(app.resolve("lib/rackside-Rackside.desktop"));
                require(desktop.contains("Categories=Network;System;") && desktop.contains("Icon="),
                        "the desktop entry lacks its menu group or icon:\n" + desktop);
                launcher = app.resolve("bin/Rackside");
                require(Files.readString(launcher).startsWith("#!/bin/sh") && !Files.exists(app.resolve("lib/libapplauncher.so")),
                        "bin/Rackside is not the launcher script of installers/LinuxLauncher.java");
                String control = output("dpkg-deb", "-f", deb.toString(), "Maintainer", "Description");
                require(control.contains("Maintainer: Rackside <packaging@rackside.dev>")
                        && control.contains("Description: Desktop console for Proxmox VE clusters"),
                        "the .deb's maintainer or description is wrong:\n" + control);
            }
            boolean linux = !os.startsWith("windows") && !os.startsWith("mac");
            long[] ms = firstFrame(launcher, scratch.resolve("home"), true, linux);
            System.out.println("[smoke] " + launcher + ": first frame after " + ms[0] + " ms, window filled after " + ms[1]
                    + " ms, demo cluster connected after " + ms[2] + " ms");
            passed = true;
        } finally {
            deleteTree(scratch);
            require(!Files.exists(scratch), "could not remove " + scratch);
            System.out.println("[smoke] removed " + scratch);
        }
        System.out.println("installer smoke test: " + (passed ? "1 passed, 0 failed" : "0 passed, 1 failed"));
    }

    /// Starts the installed app in demo mode until its demo cluster is connected, through its first
    /// frame and its filled window; returns the milliseconds to each. On Linux the cache must load
    /// (checked here). Windows and macOS installers are built on their CI runners only: there a
    /// refused cache is reported, then the start is checked without it.
    static long[] firstFrame(Path launcher, Path home, boolean requireAot, boolean strict)
            throws IOException, InterruptedException {
        Files.createDirectories(home);
        StartMarkers m = StartMarkers.in(home);
        List<String> options = new ArrayList<>(List.of("-XX:AOTMode=" + (requireAot ? "on" : "auto"), "-Drackside.home=" + home));
        options.addAll(m.options());
        options.addAll(StartMarkers.displayOptions());
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--demo").redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.log").toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        long start = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the installed app did not connect to its demo cluster within 120 s (" + m.written() + "):\n" + log(home));
        }
        if (requireAot && !strict && p.exitValue() != 0 && log(home).contains("Unable to use AOT cache")) {
            System.out.println("[smoke] WARNING: the installed app refused its AOT cache:\n" + log(home));
            return firstFrame(launcher, home, false, false);
        }
        require(p.exitValue() == 0 && Files.exists(m.first()) && Files.exists(m.filled()) && Files.exists(m.demo()),
                "the installed app exited with " + p.exitValue() + "; " + m.written() + ":\n" + log(home));
        return new long[] {StartMarkers.since(m.first(), start), StartMarkers.since(m.filled(), start), StartMarkers.since(m.demo(), start)};
    }

    static String log(Path home) throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("launcher.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static Path only(Path dist, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dist)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(suffix)).toList();
            require(found.size() == 1, "expected one " + suffix + " in " + dist + ", found " + found
                    + " (build it with ./mvnw -Pinstaller -pl app -am verify -DskipTests)");
            return found.getFirst();
        }
    }

    static Path find(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " not found under " + dir));
        }
    }

    static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        require(p.waitFor() == 0, String.join(" ", cmd) + " failed with " + p.exitValue());
    }

    static String output(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        require(p.waitFor() == 0, String.join(" ", cmd) + " failed with " + p.exitValue() + ":\n" + out);
        return out;
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

    static void require(boolean ok, String message) {
        if (!ok) {
            fail(message);
        }
    }

    static void fail(String message) {
        System.err.println("[smoke] FAILED: " + message);
        System.exit(1);
    }
}
