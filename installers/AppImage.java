import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// The app image jpackage made: where its launcher and launcher configuration are on this OS, and
/// the runs of that launcher [Installers] trains and checks the AOT cache with. A file of its own
/// beside `Installers.java`, which the source launcher compiles with it (JDK 22+, JEP 458).
record AppImage(Os os, Path root, Path launcher, Path cfg) {
    AppImage(Os os, Path work) {
        this(os, os == Os.MAC ? work.resolve(Installers.NAME + ".app") : work.resolve(Installers.NAME),
                switch (os) {
                    case LINUX -> work.resolve(Installers.NAME).resolve("bin").resolve(Installers.NAME);
                    case WINDOWS -> work.resolve(Installers.NAME).resolve(Installers.NAME + ".exe");
                    case MAC -> work.resolve(Installers.NAME + ".app/Contents/MacOS").resolve(Installers.NAME);
                },
                switch (os) {
                    case LINUX -> work.resolve(Installers.NAME).resolve("lib/app").resolve(Installers.NAME + ".cfg");
                    case WINDOWS -> work.resolve(Installers.NAME).resolve("app").resolve(Installers.NAME + ".cfg");
                    case MAC -> work.resolve(Installers.NAME + ".app/Contents/app").resolve(Installers.NAME + ".cfg");
                });
    }

    /// One training run through the image's own launcher (exact runtime, class path and JVM
    /// options of the installed app), with the cfg temporarily pointing at the training main
    /// class and asking for the cache to be written. JDK 25 records, then forks the runtime's
    /// `bin/java` to assemble the cache at exit (JEP 514).
    Path train(Path home) throws IOException, InterruptedException {
        String original = Files.readString(cfg);
        String use = "-XX:AOTCache=$APPDIR/rackside.aot";
        if (!original.contains(use) || !original.contains("app.mainclass=")) {
            Installers.fail(cfg + " lacks `" + use + "` or app.mainclass: check installers/app-image.args");
        }
        String training = original.replace(use, "-XX:AOTCacheOutput=$APPDIR/rackside.aot")
                .replaceAll("app\\.mainclass=.*", "app.mainclass=" + Installers.TRAINING_MAIN);
        Files.writeString(cfg, training);
        try {
            run(home, Map.of(), 300, null, "--demo");
        } finally {
            Files.writeString(cfg, original);
        }
        Path aot = cfg.resolveSibling("rackside.aot");
        if (!Files.isRegularFile(aot) || Files.size(aot) == 0) {
            Installers.fail("training produced no AOT cache at " + aot + "; see " + home.resolve("launcher.log"));
        }
        return aot;
    }

    /// Starts the launcher in demo mode until its first frame; returns the time to it.
    long firstFrame(Path home, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        Path marker = home.resolve("first-frame.txt");
        long start = System.currentTimeMillis();
        List<String> options = new ArrayList<>(List.of(jvmOptions));
        options.add("-Drackside.firstFrameMarker=" + marker);
        options.add("-Drackside.exitAfterFirstFrame=true");
        run(home, env, 120, options, "--demo");
        if (!Files.exists(marker)) {
            Installers.fail("the packaged app exited without a first frame; see " + home.resolve("launcher.log"));
        }
        return Long.parseLong(Files.readString(marker).trim()) - start;
    }

    void run(Path home, Map<String, String> env, int timeoutSeconds, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Installers.deleteTree(home);
        Files.createDirectories(home);
        List<String> options = new ArrayList<>(List.of("-Drackside.home=" + home));
        options.addAll(StartMarkers.displayOptions()); // a cache trained on the Headless platform still serves GTK
        if (jvmOptions != null) {
            options.addAll(jvmOptions);
        }
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.log").toFile());
        // The launcher's JVM reads this like command-line options (before the cfg's own).
        pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Installers.fail(launcher + " did not finish within " + timeoutSeconds + " s; see " + home.resolve("launcher.log"));
        }
        if (p.exitValue() != 0) {
            Installers.fail(launcher + " exited with " + p.exitValue() + ":\n" + Installers.tail(home.resolve("launcher.log")));
        }
    }
}
