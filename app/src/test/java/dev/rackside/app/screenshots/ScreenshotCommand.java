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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

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

        AppHarness app = Shots.onFx(() -> AppHarness.offscreen(new Stage(), home, SimulatorOptions.defaults().withSize(3, 24), W, H));
        Shots.onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            return null;
        });
        CountDownLatch connected = new CountDownLatch(1);
        Shots.onFx(() -> {
            app.startDemo(connected::countDown);
            return null;
        });
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the demo cluster did not start");
        }
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> !app.inventory().allGuests().isEmpty()), "inventory rows");
        ClusterSession session = Shots.onFx(() -> app.sessions().list().getFirst());

        // Real tasks for the tasks panel: one that succeeds, one that PVE refuses in its worker.
        followPower(app, session, false);
        followPower(app, session, true);
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> app.tasks().entries().stream().noneMatch(e -> e.state() == TaskEntry.State.RUNNING)),
                "tasks to finish");
        Shots.onFx(() -> {
            app.inventory().refresh();
            return null;
        });
        Shots.settle();
        Shots.save(Shots.onFx(() -> Shots.fresh(app.stage().getScene())), out.resolve("inventory-light.png"));

        Shots.onFx(() -> {
            TableView<?> table = guestTable(app.stage().getScene());
            // Clear first: selecting the row that is already selected changes nothing, so no details would load.
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(firstRunning(table));
            table.requestFocus();
            return null;
        });
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> app.inventory().detailsProperty().get()
                instanceof dev.rackside.app.feature.inventory.Details.Guest), "guest details");
        Shots.settle();
        Shots.save(Shots.onFx(() -> Shots.fresh(app.stage().getScene())), out.resolve("guest-details-light.png"));
        Shots.save(Shots.onFx(() -> app.stage().getScene().lookup(".tasks-panel").snapshot(null, null)), out.resolve("tasks-panel-light.png"));

        Shots.onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.DARK);
            return null;
        });
        Shots.settle();
        Shots.save(Shots.onFx(() -> Shots.fresh(app.stage().getScene())), out.resolve("inventory-dark.png"));

        Shots.save(trustPrompt(app, session), out.resolve("connection-trust-certificate.png"));

        // The S3 browser on the demo endpoint, inside a bucket's prefix.
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> app.s3().sidebar().stream()
                .anyMatch(e -> e instanceof dev.rackside.app.feature.s3.SidebarEntry.Bucket)), "demo S3 buckets");
        Shots.onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            app.shell().select("s3");
            var bucket = app.s3().sidebar().stream().filter(e -> e instanceof dev.rackside.app.feature.s3.SidebarEntry.Bucket b
                    && b.name().equals("iso-images")).map(e -> (dev.rackside.app.feature.s3.SidebarEntry.Bucket) e)
                    .findFirst().orElseThrow();
            app.s3().open(bucket.session(), bucket.name());
            return null;
        });
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> !app.s3().rows().isEmpty()), "objects of the demo bucket");
        // Real uploads, so the bottom panel's transfers tab shows what an operator's drop leaves there.
        Path drop = Files.createTempDirectory("rackside-drop");
        Files.write(drop.resolve("alpine-virt-3.22.iso"), new byte[48 << 20]);
        Files.createDirectories(drop.resolve("cloud-init"));
        Files.writeString(drop.resolve("cloud-init/user-data.yaml"), "#cloud-config\npackage_update: true\n");
        Shots.onFx(() -> {
            app.s3().transfers().upload(app.s3().sessionProperty().get(), "iso-images", "",
                    java.util.List.of(drop.resolve("alpine-virt-3.22.iso"), drop.resolve("cloud-init")));
            return null;
        });
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> app.s3().transfers().rows().size() == 2
                && app.s3().transfers().rows().stream().allMatch(r -> r.stateProperty().get().finished())), "demo uploads");
        Shots.settle();
        // Cells ask for the checksum state when they are laid out, which a hidden window does only on demand.
        Shots.onFx(() -> Shots.fresh(app.stage().getScene()));
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> app.s3().rows().stream().map(r -> r.checksumProperty().get())
                .noneMatch(c -> c == dev.rackside.app.feature.s3.ChecksumState.UNKNOWN
                        || c == dev.rackside.app.feature.s3.ChecksumState.CHECKING)), "checksum states");
        Shots.save(Shots.onFx(() -> Shots.fresh(app.stage().getScene())), out.resolve("s3-browser-light.png"));
        Shots.save(endpointDialog(app), out.resolve("s3-endpoint-dialog.png"));
        Shots.save(limitsDialog(app), out.resolve("s3-transfer-limits.png"));
        Shots.save(incompleteUploads(app), out.resolve("s3-incomplete-uploads.png"));
        Shots.onFx(() -> {
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
        return Shots.onFx(() -> {
            app.themes().choiceProperty().set(Themes.Choice.LIGHT);
            TrustCertificateDialog d = new TrustCertificateDialog(app.stage(), profile, cert);
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            return d;
        }).getDialogPane() instanceof Node pane ? Shots.snapshotLater(pane) : null;
    }

    /// The endpoint dialog as an operator leaves it after a passing test: a MinIO-style endpoint on the
    /// demo's real S3 server with uploads encrypted on this computer, tested with the write/read/delete probe.
    private static WritableImage endpointDialog(AppHarness app) throws Exception {
        var demo = Shots.onFx(() -> app.s3().sessionProperty().get().engine().endpoint());
        var keys = (dev.rackside.s3.S3Credentials.StaticKeys) demo.credentials();
        var form = Shots.onFx(() -> {
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
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> !form.testingProperty().get()), "the endpoint's connection test");
        return Shots.shootDialog(() -> new dev.rackside.app.feature.s3.endpoints.EndpointDialog(app.stage(), form));
    }

    /// A bucket's incomplete uploads with one another tool left behind (a real upload by a second
    /// engine, paused mid-way, its journal gone with it), selected: Continue from file… is offered.
    private static WritableImage incompleteUploads(AppHarness app) throws Exception {
        var session = Shots.onFx(() -> app.s3().sessionProperty().get());
        Path iso = Files.createTempFile("debian-13.2.0-amd64-netinst", ".iso");
        Files.write(iso, new byte[40 << 20]);
        try (var other = dev.rackside.s3.S3Engine.open(session.engine().endpoint(),
                dev.rackside.s3.EngineOptions.builder().uploadLimit(8_000_000).build())) {
            var t = other.transfers().upload(iso, "iso-images", "debian/debian-13.2.0-amd64-netinst.iso");
            Shots.waitUntil(() -> !session.engine().incompleteUploads("iso-images", "debian/").isEmpty(), "an incomplete upload");
            t.pause();
        }
        var vm = Shots.onFx(() -> app.s3().bucketActions().incompleteUploads(session, "iso-images"));
        var dialog = Shots.onFx(() -> {
            var d = dev.rackside.app.feature.s3.IncompleteUploadsDialog.create(vm, title -> java.util.Optional.empty(), app.stage());
            d.show();
            d.setWidth(900); // the Headless platform opens every window 600 wide, whatever its content asks
            d.setHeight(520);
            return d;
        });
        Shots.waitUntil(() -> Shots.onFxQuiet(() -> !vm.uploads().isEmpty() && !vm.loadingProperty().get()), "the listed uploads");
        Shots.onFx(() -> {
            var table = (javafx.scene.control.TableView<?>) dialog.getDialogPane()
                    .lookup("#" + dev.rackside.app.feature.s3.IncompleteUploadsDialog.TABLE_ID);
            table.getSelectionModel().select(0);
            table.requestFocus();
            dialog.getDialogPane().applyCss();
            dialog.getDialogPane().layout();
            return null;
        });
        WritableImage shot = Shots.snapshotLater(dialog.getDialogPane());
        Shots.onFx(() -> {
            dialog.close();
            return null;
        });
        Files.deleteIfExists(iso);
        return shot;
    }

    /// The transfer limits as an operator with a shared office uplink sets them: a cap at all times,
    /// tighter in office hours, and a night window that leaves downloads free; applied, then reopened.
    private static WritableImage limitsDialog(AppHarness app) throws Exception {
        var vm = app.transferSettings();
        Shots.onFx(() -> {
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
        return Shots.shootDialog(() -> dev.rackside.app.feature.s3.TransferLimitsDialog.create(vm, app.stage()));
    }

    private static void followPower(AppHarness app, ClusterSession session, boolean running) throws Exception {
        ProxmoxClient c = session.client();
        ClusterResource.Guest g = c.cluster().resources(ResourceType.VM).stream()
                .filter(r -> r instanceof ClusterResource.Guest x && x.guestType() == GuestType.QEMU && !x.template()
                        && x.lock().isEmpty() && x.hastate().isEmpty() && x.running() == running)
                .map(r -> (ClusterResource.Guest) r).findFirst().orElseThrow();
        var upid = c.guests().power(g.ref(), PowerAction.START);
        Shots.onFx(() -> {
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
}
