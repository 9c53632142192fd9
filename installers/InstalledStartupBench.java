import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/// Start-up of the INSTALLED app: time from launching its launcher to the first frame, in demo mode,
/// with its AOT cache (as shipped) and without it (`-XX:AOTMode=off`), against a minimal JavaFX
/// window on the same installed runtime (the floor: `MinimalWindow` from app's test classes, run by
/// the runtime's `bin/java`). Runs alternate so all three see the same machine; one warm-up round.
/// Rackside's first frame is its window's frame (sidebar, status bar); the table also gives the frame
/// after the views filled it (`MainWindow.fill`), the complete window, and the moment the demo
/// cluster is connected (it starts after the first frame, as in every demo start).
///
///     java installers/InstalledStartupBench.java INSTALL_DIR FLOOR_CLASSPATH [RUNS [OTHER_INSTALL_DIR]]
///
/// INSTALL_DIR is the installed app's folder (e.g. /opt/rackside, or a `dpkg-deb -x` of the .deb);
/// FLOOR_CLASSPATH is app/target/test-classes; OTHER_INSTALL_DIR another build to compare in the same
/// rounds (such as one whose `bin/Rackside` is still jpackage's native launcher). Prints a Markdown table of medians.
public final class InstalledStartupBench {
    /// One way of starting, and what it reached in each round.
    record Variant(String what, List<String> cmd, String extraOptions, List<long[]> runs) {
        Variant(String what, List<String> cmd, String extraOptions) {
            this(what, cmd, extraOptions, new ArrayList<>());
        }

        double median(int moment) {
            return InstalledStartupBench.median(runs.stream().map(r -> r[moment]).toList());
        }
    }

    public static void main(String[] args) throws Exception {
        Path install = Path.of(args[0]).toAbsolutePath();
        String floorCp = Path.of(args[1]).toAbsolutePath().toString();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path java = install.resolve("lib/runtime/bin/java");
        List<String> demo = List.of(install.resolve("bin/Rackside").toString(), "--demo");
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("installed Rackside, demo mode, with its AOT cache", demo, ""),
                new Variant("installed Rackside, demo mode, without it (`-XX:AOTMode=off`)", demo, "-XX:AOTMode=off")));
        if (args.length > 3) { // another installed build, e.g. one started by jpackage's native launcher
            variants.add(new Variant("other build (" + args[3] + "), demo mode, with its AOT cache",
                    List.of(Path.of(args[3]).toAbsolutePath().resolve("bin/Rackside").toString(), "--demo"), ""));
        }
        Variant floor = new Variant("floor: minimal JavaFX window, same installed runtime", List.of(java.toString(),
                "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-cp", floorCp, "dev.rackside.app.bench.MinimalWindow"), "");
        variants.add(floor);
        for (int i = 0; i <= runs; i++) {
            for (Variant v : variants) {
                long[] r = measure(v.cmd(), v.extraOptions());
                if (i > 0) { // the first round warms the disk cache
                    v.runs().add(r);
                }
            }
        }
        double mf = floor.median(0);
        System.out.println("| what | median to first frame | ratio to floor | median to filled window | ratio to floor"
                + " | median to demo cluster connected | runs |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Variant v : variants.subList(0, variants.size() - 1)) {
            row(v.what(), v.median(0), v.median(1), v.median(2), runs, mf);
        }
        System.out.printf(Locale.ROOT, "| %s | %,.0f ms | 1.00× | – | – | – | %d |%n", floor.what(), mf, runs);
    }

    static void row(String what, double first, double filled, double demo, int runs, double floor) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f ms | %.2f× | %,.0f ms | %.2f× | %,.0f ms | %d |%n",
                what, first, first / floor, filled, filled / floor, demo, runs);
    }

    /// Returns the milliseconds to the first frame, to the filled window and to the demo cluster
    /// connected (-1 for a marker the program does not write: the floor writes only the first).
    static long[] measure(List<String> cmd, String extraOptions) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("rackside-bench");
        StartMarkers m = StartMarkers.in(home);
        List<String> options = new ArrayList<>(List.of("-Drackside.home=" + home));
        options.addAll(m.options());
        options.addAll(StartMarkers.displayOptions());
        if (!extraOptions.isEmpty()) {
            options.add(extraOptions);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        long start = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " " + extraOptions + " did not exit within 120 s; markers written: " + m.written());
        }
        if (!Files.exists(m.first()) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " " + extraOptions + " exited (" + p.exitValue() + "), " + m.written());
        }
        return new long[] {StartMarkers.since(m.first(), start), StartMarkers.since(m.filled(), start), StartMarkers.since(m.demo(), start)};
    }

    /// The median of the moments that were reached; a run that did not write a marker (-1) is left
    /// out and said so on stderr, never counted as a time.
    static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs.stream().filter(x -> x >= 0).toList());
        if (s.size() < xs.size()) {
            System.err.println((xs.size() - s.size()) + " of " + xs.size() + " runs did not reach this moment");
        }
        if (s.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }
}
