package dev.rackside.app.feature.inventory;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Notifier;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/// FX-thread cost of one inventory refresh with 5,000 guests on 64 nodes (not a test: run `main`).
///
/// Fetching and decoding run on a worker thread as in the app; only the apply callback is timed,
/// on the FX thread. Simulated time moves 10 s between refreshes so CPU, memory and uptime change.
/// Prints a markdown table. Run with `-Dglass.platform=Headless` where there is no display.
public final class InventoryRefreshBench {
    private static final int NODES = 64;
    private static final int GUESTS = 5_000;
    private static final int WARMUP = 20;
    private static final int MEASURED = 120;

    /// Runs work on a worker and times the success callback on the FX thread.
    private static final class TimedBackground implements Background, AutoCloseable {
        final ExecutorService worker = Executors.newSingleThreadExecutor();
        final List<Long> fxNanos = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch done = new CountDownLatch(1);

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            worker.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> {
                        long t0 = System.nanoTime();
                        onSuccess.accept(result);
                        fxNanos.add(System.nanoTime() - t0);
                        done.countDown();
                    });
                } catch (Exception e) {
                    Platform.runLater(() -> {
                        onFailure.accept(e);
                        done.countDown();
                    });
                }
            });
            return () -> { };
        }

        @Override
        public void close() {
            worker.shutdownNow();
        }
    }

    private record Result(String config, double medianMs, double p99Ms, double maxMs, double heapStartMiB, double heapMiB,
                          int movedMedian) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Headless");
        }
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        Platform.setImplicitExit(false);
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        SimClock clock = SimClock.system();
        try (SimulatedCluster pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(NODES, GUESTS).withClock(clock));
             ProxmoxClient client = ProxmoxClient.connect(new ConnectionSpec(pve.host(), pve.port(),
                     new Credentials.ApiToken(SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID, Secret.of(pve.apiTokenSecret())),
                     TrustPolicy.pinned(pve.fingerprint()), Duration.ofSeconds(5), Duration.ofSeconds(30)))) {
            // each configuration gets its own session list, so an earlier ViewModel is not kept alive by it
            ClusterSession session = new ClusterSession("bench", "Bench", client);
            List<Result> results = new ArrayList<>();
            results.add(run("ViewModel only", clock, false, false, session));
            results.add(run("ViewModel + InventoryView, unsorted", clock, true, false, session));
            results.add(run("ViewModel + InventoryView, sorted by CPU", clock, true, true, session));
            System.out.println();
            System.out.printf("%d guests on %d nodes, %d measured refreshes after %d warm-up, JDK %s, %s%n%n",
                    GUESTS, NODES, MEASURED, WARMUP, Runtime.version(), System.getProperty("os.arch"));
            System.out.println("| Configuration | FX apply median (ms) | p99 (ms) | max (ms) | heap after GC, after warm-up → after " + MEASURED
                    + " refreshes (MiB) | guests whose metrics moved (median) |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Result r : results) {
                System.out.printf("| %s | %.2f | %.2f | %.2f | %.0f → %.0f | %d |%n", r.config(), r.medianMs(), r.p99Ms(), r.maxMs(),
                        r.heapStartMiB(), r.heapMiB(), r.movedMedian());
            }
        } finally {
            Platform.exit();
        }
    }

    private static Result run(String config, SimClock clock, boolean withView, boolean sortByCpu, ClusterSession session)
            throws Exception {
        ObservableList<ClusterSession> sessions = FXCollections.observableArrayList(session);
        try (TimedBackground bg = new TimedBackground()) {
            Notifier quiet = new Notifier() {
                @Override
                public void info(String message) {
                }

                @Override
                public void warning(String message) {
                    System.err.println("warning: " + message);
                }

                @Override
                public void error(String message, Throwable cause) {
                    System.err.println("error: " + message + " " + cause);
                }
            };
            InventoryViewModel[] vm = new InventoryViewModel[1];
            Stage[] stage = new Stage[1];
            onFx(() -> {
                vm[0] = new InventoryViewModel(sessions, bg, (interval, tick) -> () -> { },
                        (s, upid, title, onFinished) -> { }, quiet, clock);
                if (withView) {
                    InventoryView view = new InventoryView(vm[0]);
                    stage[0] = new Stage();
                    // JavaFX's Headless screen is 1000 x 1000; a larger window fails on every pulse.
                    stage[0].setScene(new Scene((Parent) view.root(), 1000, 1000));
                    stage[0].show();
                }
                if (sortByCpu) {
                    @SuppressWarnings("unchecked")
                    TableView<GuestRow> table = (TableView<GuestRow>) stage[0].getScene().lookup(".table-view");
                    TableColumn<GuestRow, ?> cpu = table.getColumns().get(5);
                    cpu.setSortType(TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(cpu));
                }
            });
            Map<Integer, Double> lastCpu = new HashMap<>();
            List<Integer> moved = new ArrayList<>();
            double heapStart = 0;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                if (i == WARMUP) {
                    heapStart = settledHeapMiB(); // growth is measured from here to the end of the measured refreshes
                }
                clock.advance(Duration.ofSeconds(10));
                bg.done = new CountDownLatch(1);
                onFx(vm[0]::refresh);
                if (!bg.done.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("refresh did not finish");
                }
                int m = 0;
                for (GuestRow r : List.copyOf(vm[0].allGuests())) {
                    Double before = lastCpu.put(r.vmid(), r.cpuProperty().get());
                    m += before != null && before != r.cpuProperty().get() ? 1 : 0;
                }
                if (i >= WARMUP) {
                    moved.add(m);
                }
            }
            if (vm[0].allGuests().size() != GUESTS) {
                throw new IllegalStateException("expected " + GUESTS + " rows, got " + vm[0].allGuests().size());
            }
            List<Long> fx = new ArrayList<>(bg.fxNanos.subList(WARMUP, WARMUP + MEASURED));
            Collections.sort(fx);
            Collections.sort(moved);
            double heap = settledHeapMiB();
            if (stage[0] != null) {
                onFx(stage[0]::close);
            }
            return new Result(config, fx.get(fx.size() / 2) / 1e6, fx.get((int) Math.ceil(fx.size() * 0.99) - 1) / 1e6,
                    fx.getLast() / 1e6, heapStart, heap, moved.get(moved.size() / 2));
        }
    }

    private static double settledHeapMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                l.countDown();
            }
        });
        l.await();
    }
}
