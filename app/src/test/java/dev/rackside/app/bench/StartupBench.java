package dev.rackside.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Time from process start to first frame: Rackside in demo mode versus a minimal JavaFX window on
/// the same runtime (the floor), alternating runs so both see the same machine state. Rackside's first
/// frame is its window's frame; the time to the frame after the views filled it is reported beside.
/// Prints a markdown table with medians and the ratio to the floor.
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> extra = args.length > 1 ? List.of(args[1].split(" ")) : List.of();
        List<Long> app = new ArrayList<>();
        List<Long> filled = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            long[] a = measure("dev.rackside.app.Main", extra);
            long[] f = measure(MinimalWindow.class.getName(), extra);
            if (i > 0) { // the first pair warms the disk cache
                app.add(a[0]);
                filled.add(a[1]);
                floor.add(f[0]);
            }
        }
        double ma = median(app);
        double mfill = median(filled);
        double mf = median(floor);
        System.out.println("| what | median to first frame | ratio to floor | median to filled window | ratio to floor | runs |"); // the harness reports on stdout
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf("| Rackside (exits before its demo starts) | %.0f ms | %.2f× | %.0f ms | %.2f× | %d |%n", ma, ma / mf, mfill, mfill / mf, runs);
        System.out.printf("| floor: minimal JavaFX window, same runtime | %.0f ms | 1.00× | – | – | %d |%n", mf, runs);
    }

    /// Returns the milliseconds to the first frame and to the filled window (-1 when there is none).
    private static long[] measure(String mainClass, List<String> extra) throws IOException, InterruptedException {
        Path marker = Files.createTempFile("first-frame", ".txt");
        Files.delete(marker);
        Path filledMarker = Files.createTempFile("filled-frame", ".txt");
        Files.delete(filledMarker);
        Path home = Files.createTempDirectory("rackside-home");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Drackside.home=" + home, "-Drackside.firstFrameMarker=" + marker,
                "-Drackside.filledFrameMarker=" + filledMarker, "-Drackside.exitAfterFirstFrame=true"));
        if (System.getenv("DISPLAY") == null) {
            // No display: JavaFX's Headless platform. With one (a desktop, or xvfb-run) a real window is timed.
            cmd.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        long start = System.currentTimeMillis();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not reach its first frame within 60 s");
        }
        if (!Files.exists(marker)) {
            throw new IllegalStateException(mainClass + " exited (" + p.exitValue() + ") without a first frame");
        }
        long first = Long.parseLong(Files.readString(marker).trim());
        Files.delete(marker);
        long filled = -1;
        if (Files.exists(filledMarker)) {
            filled = Long.parseLong(Files.readString(filledMarker).trim()) - start;
            Files.delete(filledMarker);
        }
        return new long[] {first - start, filled};
    }

    private static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs.stream().filter(x -> x >= 0).toList()); // -1: moment not reached
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
