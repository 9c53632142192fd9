package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.RecordingNotifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.Background;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Uploads and downloads through the browser's ViewModel against the demo's S3 server: folder
/// structure, identical bytes, progress to 100 %, and transfers surviving a restart.
class TransfersViewModelTest {
    static DemoS3 demo;
    static S3Session session;

    @BeforeAll
    static void startServer() {
        demo = S3Fixture.demo();
        session = new S3Session(DemoS3.SESSION_ID, "Demo S3", demo.engine());
    }

    @AfterAll
    static void stopServer() {
        demo.close();
    }

    private static boolean allDone(TransfersViewModel t) {
        return !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.stateProperty().get().finished());
    }

    @Test
    void uploadedFolderKeepsItsStructureAndDownloadsBackIdentical(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("up/lab-configs");
        S3Fixture.file(tree, "big.img", 6 * 1024 * 1024 + 123, 1); // above the multipart threshold
        S3Fixture.file(tree, "nodes/pve1/interfaces", 2_000, 2);
        S3Fixture.file(tree, "nodes/pve2/interfaces", 2_100, 3);
        S3Fixture.file(tree, "empty-dir-sibling.txt", 0, 4);
        S3Fixture.Ui ui = new S3Fixture.Ui();
        RecordingNotifier notifier = new RecordingNotifier();
        S3BrowserViewModel vm = new S3BrowserViewModel(FXCollections.observableArrayList(session), Background.direct(),
                notifier, ui);
        demo.engine().createBucket("uploads");
        vm.open(session, "uploads");

        vm.transfers().upload(session, "uploads", "", List.of(tree));
        ui.until(() -> allDone(vm.transfers()), 60, "the uploads");
        assertEquals(4, vm.transfers().rows().size(), "one row per file");
        vm.transfers().rows().forEach(r -> {
            assertEquals(TransferState.COMPLETED, r.stateProperty().get(), r.object() + " " + r.problemProperty().get());
            assertEquals(1.0, r.progressProperty().get(), r.object());
        });
        assertEquals(1.0, vm.transfers().totalProgressProperty().get());
        assertEquals(0, vm.transfers().activeProperty().get());
        ui.until(() -> vm.rows().stream().anyMatch(r -> r.name().equals("lab-configs/")), 10, "the refresh after the upload");
        assertEquals(List.of("lab-configs/big.img", "lab-configs/empty-dir-sibling.txt", "lab-configs/nodes/pve1/interfaces",
                "lab-configs/nodes/pve2/interfaces"), demo.engine().objects("uploads", "").map(o -> o.key()).sorted().toList());

        Path back = Files.createDirectories(tmp.resolve("down"));
        ObjectRow folder = vm.rows().stream().filter(ObjectRow::isFolder).findFirst().orElseThrow();
        vm.transfers().clearFinished();
        S3Fixture.Scripted prompts = new S3Fixture.Scripted();
        vm.actions().download(List.of(folder), title -> java.util.Optional.of(back), prompts);
        ui.until(() -> allDone(vm.transfers()), 60, "the downloads");
        Map<String, String> original = S3Fixture.digests(tree);
        assertEquals(original, S3Fixture.digests(back.resolve("lab-configs")));
        assertEquals(1.0, vm.transfers().totalProgressProperty().get());
        assertTrue(notifier.infos.stream().anyMatch(m -> m.startsWith("4 files downloaded")), notifier.infos.toString());
        assertEquals(List.of(), prompts.otherQuestions, "nothing was in the way the first time");

        // The same download again would overwrite those files: the operator is asked, and Cancel starts nothing.
        vm.transfers().clearFinished();
        Files.writeString(back.resolve("lab-configs/nodes/pve1/interfaces"), "edited here");
        prompts.confirm = false;
        vm.actions().download(List.of(folder), title -> java.util.Optional.of(back), prompts);
        assertEquals(List.of("replace files " + back + " [lab-configs/]"), prompts.otherQuestions);
        assertEquals(List.of(), vm.transfers().rows(), "declined: no transfer started");
        assertEquals("edited here", Files.readString(back.resolve("lab-configs/nodes/pve1/interfaces")));
        assertTrue(notifier.warnings.isEmpty() && notifier.errors.isEmpty(), notifier.warnings + " " + notifier.errors);
    }

    /// A file sent again: its new transfer takes the old row's place (only the newest transfer of a
    /// file may run, so the old row could not be retried, and two rows of one file read as two files).
    @Test
    void aFileSentAgainKeepsOneRow(@TempDir Path tmp) throws Exception {
        Path file = S3Fixture.file(tmp, "notes.txt", 1_000, 41);
        try (DemoS3 own = S3Fixture.demo()) { // its transfers stay out of the other tests' lists
            S3Session session = new S3Session(DemoS3.SESSION_ID, "Demo S3", own.engine());
            S3Fixture.Ui ui = new S3Fixture.Ui();
            S3BrowserViewModel vm = new S3BrowserViewModel(FXCollections.observableArrayList(session), Background.direct(),
                    new RecordingNotifier(), ui);
            own.engine().createBucket("again");
            vm.transfers().upload(session, "again", "", List.of(file));
            ui.until(() -> allDone(vm.transfers()), 60, "the first upload");
            String first = vm.transfers().rows().getFirst().id();
            vm.transfers().upload(session, "again", "", List.of(file));
            ui.until(() -> vm.transfers().rows().stream().noneMatch(r -> r.id().equals(first)) && allDone(vm.transfers()), 60,
                    "the second upload in the first one's place");
            assertEquals(List.of("again/notes.txt"), vm.transfers().rows().stream().map(TransferRow::object).toList());
            vm.transfers().close();
        }
    }

    @Test
    void aBigFolderReachesTheListInOneChangeNotOnePerFile(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("many");
        for (int i = 0; i < 300; i++) {
            S3Fixture.file(tree, "f" + i + ".txt", 10, 100 + i);
        }
        // An engine of its own: the other tests' engine lists this one's transfers, and they its.
        try (DemoS3 own = S3Fixture.demo()) {
            S3Session session = new S3Session(DemoS3.SESSION_ID, "Demo S3", own.engine());
            S3Fixture.Ui ui = new S3Fixture.Ui();
            S3BrowserViewModel vm = new S3BrowserViewModel(FXCollections.observableArrayList(session), Background.direct(),
                    new RecordingNotifier(), ui);
            own.engine().createBucket("many-files");
            List<Integer> added = new java.util.ArrayList<>();
            vm.transfers().rows().addListener((javafx.collections.ListChangeListener<TransferRow>) c -> {
                while (c.next()) {
                    if (c.wasAdded() && !c.wasUpdated()) {
                        added.add(c.getAddedSize());
                    }
                }
            });
            vm.transfers().upload(session, "many-files", "", List.of(tree));
            ui.until(() -> allDone(vm.transfers()), 120, "the uploads");
            assertEquals(300, vm.transfers().rows().size());
            // Inserting 300 rows one by one at the top shifts the list 300 times and tells the table 300 times.
            assertTrue(added.size() <= 3, "rows arrive in batches: " + added);
            assertEquals(300, added.stream().mapToInt(Integer::intValue).sum());
            assertEquals(own.engine().transfers().transfers().getLast().id(), vm.transfers().rows().getFirst().id(), "newest first");
            vm.transfers().close();
        }
    }

    @Test
    void unfinishedTransfersOfAnEarlierRunAreListedPausedAndResume(@TempDir Path tmp) throws Exception {
        Path journal = tmp.resolve("journal.db");
        Path big = S3Fixture.file(tmp, "restore/disk.qcow2", 12 * 1024 * 1024, 9);
        demo.engine().createBucket("restart");
        // first run: a slow upload interrupted half-way, as a quit or crash would
        try (S3Engine first = S3Engine.open(demo.endpoint(), S3Fixture.fastOptions().journal(journal)
                .uploadLimit(4 * EngineOptions.MIB).build())) {
            Transfer t = first.transfers().upload(big, "restart", "disk.qcow2");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (t.progress().transferredBytes() < 6 * EngineOptions.MIB && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        // second run: the ViewModel lists it from the journal, paused, until the operator resumes it
        try (S3Engine second = S3Engine.open(demo.endpoint(), S3Fixture.fastOptions().journal(journal).build())) {
            S3Fixture.Ui ui = new S3Fixture.Ui();
            RecordingNotifier notifier = new RecordingNotifier();
            ObservableList<S3Session> sessions = FXCollections.observableArrayList(new S3Session("again", "Again", second));
            S3BrowserViewModel vm = new S3BrowserViewModel(sessions, Background.direct(), notifier, ui);
            assertEquals(1, vm.transfers().rows().size());
            TransferRow row = vm.transfers().rows().getFirst();
            assertEquals(TransferState.PAUSED, row.stateProperty().get());
            assertEquals("restart/disk.qcow2", row.object());
            assertTrue(notifier.infos.getFirst().startsWith("1 unfinished transfer of Again restored"), notifier.infos.toString());

            vm.transfers().resume(row);
            ui.until(() -> row.stateProperty().get().finished(), 60, "the resumed upload");
            assertEquals(TransferState.COMPLETED, row.stateProperty().get(), row.problemProperty().get());
            assertEquals(1.0, row.progressProperty().get());
            assertEquals(S3Fixture.sha256(big), second.head("restart", "disk.qcow2").sha256().orElseThrow());
            vm.transfers().close();
        }
    }

    @Test
    void aReconnectedEndpointsPausedTransfersAreRowsOfItsNewEngine(@TempDir Path tmp) throws Exception {
        Path journal = tmp.resolve("journal.db");
        Path big = S3Fixture.file(tmp, "edit/disk.raw", 8 * 1024 * 1024, 5);
        demo.engine().createBucket("reconnect");
        S3Engine first = S3Engine.open(demo.endpoint(), S3Fixture.fastOptions().journal(journal)
                .uploadLimit(2 * EngineOptions.MIB).build());
        S3Fixture.Ui ui = new S3Fixture.Ui();
        ObservableList<S3Session> sessions = FXCollections.observableArrayList(new S3Session("ep", "Lab", first));
        RecordingNotifier notifier = new RecordingNotifier();
        S3BrowserViewModel vm = new S3BrowserViewModel(sessions, Background.direct(), notifier, ui);
        vm.transfers().upload(sessions.getFirst(), "reconnect", "", List.of(big));
        ui.until(() -> vm.transfers().rows().size() == 1, 10, "the upload's row");
        TransferRow old = vm.transfers().rows().getFirst();
        ui.until(() -> old.transferredProperty().get() >= EngineOptions.MIB, 20, "the upload under way");
        vm.transfers().pause(old);
        ui.until(() -> old.stateProperty().get() == TransferState.PAUSED, 10, "the pause");

        // What saving an edited endpoint does: its session is replaced by one on a new engine, same journal.
        first.close();
        S3Engine second = S3Engine.open(demo.endpoint(), S3Fixture.fastOptions().journal(journal).build());
        sessions.set(0, new S3Session("ep", "Lab (renamed)", second));
        try {
            ui.until(() -> vm.transfers().rows().size() == 1 && vm.transfers().rows().getFirst() != old, 10,
                    "the restored row replacing the old engine's");
        } catch (AssertionError e) {
            throw new AssertionError("rows " + vm.transfers().rows().stream().map(r -> r.object() + "=" + r.stateProperty().get()
                    + (r == old ? " (old)" : "")).toList() + ", engine " + second.transfers().transfers().stream()
                    .map(t -> t.request().key() + "=" + t.state()).toList() + ", warnings " + notifier.warnings
                    + ", errors " + notifier.errors, e);
        }
        TransferRow row = vm.transfers().rows().getFirst();
        assertEquals("Lab (renamed)", row.session().name());
        ui.until(() -> row.stateProperty().get() == TransferState.PAUSED, 10, "the restored row, paused");
        vm.transfers().resume(row);
        ui.until(() -> row.stateProperty().get().finished(), 60, "the resumed upload");
        assertEquals(TransferState.COMPLETED, row.stateProperty().get(), row.problemProperty().get());
        assertEquals(S3Fixture.sha256(big), second.head("reconnect", "disk.raw").sha256().orElseThrow());
        vm.transfers().close();
        second.close();
    }
}
