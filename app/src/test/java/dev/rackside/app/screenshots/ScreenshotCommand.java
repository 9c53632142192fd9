package dev.rackside.app.screenshots;

import dev.rackside.app.AppHarness;
import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.feature.connections.TrustCertificateDialog;
import dev.rackside.app.feature.inventory.GuestRow;
import dev.rackside.app.feature.tasks.TaskEntry;
import dev.rackside.app.fx.Themes;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.pvesim.SimulatorOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/// Regenerates `screenshots/` from the real app on the demo cluster, on JavaFX's Headless platform:
/// `JAVA_HOME="$(.ci/jdk25)" ./mvnw -pl app -am -Pscreenshots verify -DskipTests`.
public final class ScreenshotCommand {
    private static final double W = 1440;
    private static final double H = 900;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "screenshots");
        Files.createDirectories(out);
        Locale.setDefault(Locale.ENGLISH);
        Path home = Files.createTempDirectory("rackside-screenshots");
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        Platform.setImplicitExit(false);

        AppHarness app = onFx(() -> AppHarness.offscreen(new Stage(), home, SimulatorOptions.defaults().withSize(3, 24), W, H));
        onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            return null;
        });
        CountDownLatch connected = new CountDownLatch(1);
        onFx(() -> {
            app.startDemo(connected::countDown);
            return null;
        });
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the demo cluster did not start");
        }
        waitUntil(() -> onFxQuiet(() -> !app.inventory().allGuests().isEmpty()), "inventory rows");
        ClusterSession session = onFx(() -> app.sessions().list().getFirst());

        // Real tasks for the tasks panel: one that succeeds, one that PVE refuses in its worker.
        followPower(app, session, false);
        followPower(app, session, true);
        waitUntil(() -> onFxQuiet(() -> app.tasks().entries().stream().noneMatch(e -> e.state() == TaskEntry.State.RUNNING)),
                "tasks to finish");
        onFx(() -> {
            app.inventory().refresh();
            return null;
        });
        settle();
        save(onFx(() -> fresh(app.stage().getScene())), out.resolve("inventory-light.png"));

        onFx(() -> {
            TableView<?> table = guestTable(app.stage().getScene());
            // Clear first: selecting the row that is already selected changes nothing, so no details would load.
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(firstRunning(table));
            table.requestFocus();
            return null;
        });
        waitUntil(() -> onFxQuiet(() -> app.inventory().detailsProperty().get()
                instanceof dev.rackside.app.feature.inventory.Details.Guest), "guest details");
        settle();
        save(onFx(() -> fresh(app.stage().getScene())), out.resolve("guest-details-light.png"));
        save(onFx(() -> app.stage().getScene().lookup(".tasks-panel").snapshot(null, null)), out.resolve("tasks-panel-light.png"));

        onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.DARK);
            return null;
        });
        settle();
        save(onFx(() -> fresh(app.stage().getScene())), out.resolve("inventory-dark.png"));

        save(trustPrompt(app, session), out.resolve("connection-trust-certificate.png"));

        // The S3 browser on the demo endpoint, inside a bucket's prefix.
        waitUntil(() -> onFxQuiet(() -> app.s3().sidebar().stream()
                .anyMatch(e -> e instanceof dev.rackside.app.feature.s3.SidebarEntry.Bucket)), "demo S3 buckets");
        onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            app.shell().select("s3");
            var bucket = app.s3().sidebar().stream().filter(e -> e instanceof dev.rackside.app.feature.s3.SidebarEntry.Bucket b
                    && b.name().equals("iso-images")).map(e -> (dev.rackside.app.feature.s3.SidebarEntry.Bucket) e)
                    .findFirst().orElseThrow();
            app.s3().open(bucket.session(), bucket.name());
            return null;
        });
        waitUntil(() -> onFxQuiet(() -> !app.s3().rows().isEmpty()), "objects of the demo bucket");
        // Real uploads, so the bottom panel's transfers tab shows what an operator's drop leaves there.
        Path drop = Files.createTempDirectory("rackside-drop");
        Files.write(drop.resolve("alpine-virt-3.22.iso"), new byte[48 << 20]);
        Files.createDirectories(drop.resolve("cloud-init"));
        Files.writeString(drop.resolve("cloud-init/user-data.yaml"), "#cloud-config\npackage_update: true\n");
        onFx(() -> {
            app.s3().transfers().upload(app.s3().sessionProperty().get(), "iso-images", "",
                    java.util.List.of(drop.resolve("alpine-virt-3.22.iso"), drop.resolve("cloud-init")));
            return null;
        });
        waitUntil(() -> onFxQuiet(() -> app.s3().transfers().rows().size() == 2
                && app.s3().transfers().rows().stream().allMatch(r -> r.stateProperty().get().finished())), "demo uploads");
        settle();
        // Cells ask for the checksum state when they are laid out, which a hidden window does only on demand.
        onFx(() -> fresh(app.stage().getScene()));
        waitUntil(() -> onFxQuiet(() -> app.s3().rows().stream().map(r -> r.checksumProperty().get())
                .noneMatch(c -> c == dev.rackside.app.feature.s3.ChecksumState.UNKNOWN
                        || c == dev.rackside.app.feature.s3.ChecksumState.CHECKING)), "checksum states");
        save(onFx(() -> fresh(app.stage().getScene())), out.resolve("s3-browser-light.png"));
        save(endpointDialog(app), out.resolve("s3-endpoint-dialog.png"));
        save(limitsDialog(app), out.resolve("s3-transfer-limits.png"));
        onFx(() -> {
            app.close();
            return null;
        });
        Platform.exit();
    }

    /// The first-use prompt, fed by a real UnknownCertificate from the demo cluster.
    private static WritableImage trustPrompt(AppHarness app, ClusterSession session) throws Exception {
        var demoSpec = session.client().spec();
        var spec = demoSpec.withTrust(TrustPolicy.systemCertificateAuthorities());
        ProxmoxException.UnknownCertificate unknown;
        try (ProxmoxClient c = ProxmoxClient.connect(spec)) {
            c.version();
            throw new IllegalStateException("the demo certificate was trusted without a pin");
        } catch (ProxmoxException.UnknownCertificate e) {
            unknown = e;
        }
        var cert = unknown.certificate();
        var profile = ConnectionProfile.token("pve-lab", demoSpec.host(), "root@pam", "rackside").withPort(demoSpec.port());
        return onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            TrustCertificateDialog d = new TrustCertificateDialog(app.stage(), profile, cert);
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            return d;
        }).getDialogPane() instanceof Node pane ? snapshotLater(pane) : null;
    }

    /// The endpoint dialog as an operator leaves it after a passing test: a MinIO-style endpoint on the
    /// demo's real S3 server with uploads encrypted on this computer, tested with the write/read/delete probe.
    private static WritableImage endpointDialog(AppHarness app) throws Exception {
        var demo = onFx(() -> app.s3().sessionProperty().get().engine().endpoint());
        var keys = (dev.rackside.s3.S3Credentials.StaticKeys) demo.credentials();
        var form = onFx(() -> {
            var f = new dev.rackside.app.feature.s3.endpoints.EndpointFormModel(app.s3Endpoints(), null);
            f.preset.set(dev.rackside.s3.profiles.ProviderPreset.MINIO);
            f.name.set("MinIO (lab rack)");
            f.endpoint.set(demo.endpoint().orElseThrow().toString());
            f.accessKeyId.set(keys.accessKeyId());
            f.secretKey.set(keys.secretAccessKey().reveal());
            f.testBucket.set("templates");
            // Backups leave the lab encrypted: the key is made here and kept in the keychain.
            f.encryption.mode.set(dev.rackside.s3.profiles.UploadEncryption.Mode.CLIENT_SIDE);
            f.test();
            return f;
        });
        waitUntil(() -> onFxQuiet(() -> !form.testingProperty().get()), "the endpoint's connection test");
        return shootDialog(() -> new dev.rackside.app.feature.s3.endpoints.EndpointDialog(app.stage(), form));
    }

    /// The transfer limits as an operator with a shared office uplink sets them: a cap at all times,
    /// tighter in office hours, and a night window that leaves downloads free; applied, then reopened.
    private static WritableImage limitsDialog(AppHarness app) throws Exception {
        var vm = app.transferSettings();
        onFx(() -> {
            vm.upload.set("40");
            vm.newUpload.set("10");
            vm.newDownload.set("25");
            vm.addWindow();
            for (var day : java.time.DayOfWeek.values()) {
                vm.newDay(day).set(true);
            }
            vm.newStart.set("22:00");
            vm.newEnd.set("06:00");
            vm.newUpload.set("80");
            vm.newDownload.set("");
            vm.addWindow();
            vm.apply();
            return null;
        });
        return shootDialog(() -> dev.rackside.app.feature.s3.TransferLimitsDialog.create(vm, app.stage()));
    }

    /// Opens a dialog on the FX thread, lays it out, snapshots it once it settled, and closes it.
    private static WritableImage shootDialog(java.util.concurrent.Callable<javafx.scene.control.Dialog<?>> open) throws Exception {
        var dialog = onFx(() -> {
            var d = open.call();
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            return d;
        });
        WritableImage shot = snapshotLater(dialog.getDialogPane());
        onFx(() -> {
            dialog.close();
            return null;
        });
        return shot;
    }

    private static WritableImage snapshotLater(Node pane) throws Exception {
        settle();
        return onFx(() -> pane.getScene().snapshot(null));
    }

    private static void followPower(AppHarness app, ClusterSession session, boolean running) throws Exception {
        ProxmoxClient c = session.client();
        ClusterResource.Guest g = c.cluster().resources(ResourceType.VM).stream()
                .filter(r -> r instanceof ClusterResource.Guest x && x.guestType() == GuestType.QEMU && !x.template()
                        && x.lock().isEmpty() && x.hastate().isEmpty() && x.running() == running)
                .map(r -> (ClusterResource.Guest) r).findFirst().orElseThrow();
        var upid = c.guests().power(g.ref(), PowerAction.START);
        onFx(() -> {
            app.tasks().follow(session, upid, "Start " + g.name() + " (" + g.vmid() + ")", () -> { });
            return null;
        });
    }

    private static TableView<?> guestTable(Scene scene) {
        return scene.getRoot().lookupAll(".table-view").stream().filter(n -> n instanceof TableView<?> t
                        && !t.getItems().isEmpty() && t.getItems().getFirst() instanceof GuestRow)
                .map(n -> (TableView<?>) n).findFirst().orElseThrow(() -> new IllegalStateException("no guest table"));
    }

    private static int firstRunning(TableView<?> table) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i) instanceof GuestRow r && "running".equals(r.statusProperty().get())) {
                return i;
            }
        }
        return 0;
    }

    private static void save(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageIO.write(out, "png", file.toFile());
    }

    /// A hidden window gets no pulses, so a scroll pane's cached viewport kept painting its old content
    /// (the guest details showed their empty state): no viewport caches for a snapshot.
    private static WritableImage fresh(javafx.scene.Scene scene) {
        scene.getRoot().lookupAll(".viewport").forEach(n -> n.setCache(false));
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene.snapshot(null);
    }

    private static void settle() throws Exception {
        Thread.sleep(600); // let layout, CSS and a couple of pulses run
        onFx(() -> null);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean onFxQuiet(Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
