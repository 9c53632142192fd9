package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.feature.s3.ObjectPropertiesViewModel.Entry;
import dev.rackside.app.feature.s3.ObjectPropertiesViewModel.TagsState;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.RecordingNotifier;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.ObjectVersion;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.Transfer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The context actions beyond browsing (properties, versions, versioning, incomplete uploads,
/// upload links) against the demo's S3 server, on the calling thread.
class S3ActionsViewModelTest {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static DemoS3 demo;
    static S3Engine s3;
    static S3Session session;
    RecordingNotifier notifier;
    S3Fixture.Scripted prompts;
    S3BrowserViewModel vm;

    @BeforeAll
    static void startServer() {
        demo = S3Fixture.demo();
        s3 = demo.engine();
        session = new S3Session(DemoS3.SESSION_ID, "Demo S3", s3);
    }

    @AfterAll
    static void stopServer() {
        demo.close();
    }

    @BeforeEach
    void newViewModel() {
        notifier = new RecordingNotifier();
        prompts = new S3Fixture.Scripted();
        vm = new S3BrowserViewModel(FXCollections.observableArrayList(session), Background.direct(), notifier,
                new S3Fixture.Ui(), 50);
    }

    private ObjectRow open(String bucket, String name) {
        vm.open(session, bucket);
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private void put(String bucket, String key, String content) {
        s3.putBytes(bucket, key, content.getBytes(), "text/plain", Encryption.none());
    }

    @Test
    void propertiesEditMetadataKeepRacksideChecksumAndSayTagsAreUnsupported() {
        s3.createBucket("props");
        put("props", "notes.txt", "test");
        s3.updateMetadata("props", "notes.txt", "text/plain", Map.of("rackside-sha256", SHA, "origin", "lab"));

        ObjectPropertiesViewModel props = vm.actions().properties(open("props", "notes.txt"));
        props.load();
        assertTrue(props.loadedProperty().get());
        assertEquals("text/plain", props.contentTypeProperty().get());
        // S3Proxy has no tagging: a state with a plain sentence, not a warning or an error dialog
        assertEquals(TagsState.UNSUPPORTED, props.tagsStateProperty().get());
        assertEquals("This server does not support object tags.", props.tagsMessageProperty().get());
        assertEquals(List.of(), notifier.warnings);
        assertEquals(List.of(), notifier.errors);
        assertNull(props.addTag());

        Entry checksum = props.metadata().getFirst();
        assertEquals("rackside-sha256", checksum.nameProperty().get());
        assertTrue(checksum.readOnly());
        props.remove(checksum);
        assertEquals(2, props.metadata().size(), "Rackside's checksum cannot be removed");
        props.remove(props.metadata().get(1)); // origin
        Entry owner = props.addMetadata();
        owner.nameProperty().set("owner");
        owner.valueProperty().set("ops-team");
        props.addMetadata(); // left blank: ignored
        props.contentTypeProperty().set("text/markdown");
        assertEquals("", props.problemProperty().get());
        AtomicBoolean saved = new AtomicBoolean();
        props.save(() -> saved.set(true));

        assertTrue(saved.get());
        assertEquals(List.of("Properties of notes.txt saved."), notifier.infos);
        ObjectMetadata m = s3.head("props", "notes.txt");
        assertEquals("text/markdown", m.contentType());
        assertEquals(Map.of("rackside-sha256", SHA, "owner", "ops-team"), m.userMetadata());
        assertEquals(Optional.of(SHA), m.sha256());

        ObjectPropertiesViewModel again = vm.actions().properties(open("props", "notes.txt"));
        again.load();
        assertEquals(List.of("rackside-sha256", "owner"), again.metadata().stream().map(e -> e.nameProperty().get()).toList());
        assertEquals("ops-team", again.metadata().get(1).valueProperty().get());
        again.save(() -> { });
        assertEquals("Nothing changed in the properties of notes.txt.", notifier.infos.getLast());
        assertNull(vm.actions().properties(null));
    }

    @Test
    void propertiesRefuseWhatS3WouldRefuse() {
        s3.createBucket("props-rules");
        put("props-rules", "a.txt", "a");
        ObjectPropertiesViewModel props = vm.actions().properties(open("props-rules", "a.txt"));
        props.load();
        Entry e = props.addMetadata();
        e.nameProperty().set("two words");
        assertTrue(props.problemProperty().get().contains("\u201ctwo words\u201d"), props.problemProperty().get());
        e.nameProperty().set("café");
        assertTrue(props.problemProperty().get().startsWith("Metadata name"), props.problemProperty().get());
        e.nameProperty().set("size");
        e.valueProperty().set("x".repeat(2100));
        assertTrue(props.problemProperty().get().contains("2,104 bytes"), props.problemProperty().get());
        e.valueProperty().set("line\nbreak");
        assertTrue(props.problemProperty().get().contains("plain ASCII"), props.problemProperty().get());
        e.valueProperty().set("ok");
        Entry twice = props.addMetadata();
        twice.nameProperty().set("SIZE");
        assertTrue(props.problemProperty().get().contains("appears twice"), props.problemProperty().get());
        twice.nameProperty().set("");
        twice.valueProperty().set("orphan");
        assertEquals("A metadata entry has a value but no name.", props.problemProperty().get());
        props.save(() -> { throw new AssertionError("saved despite a problem"); });
        assertEquals(List.of(), notifier.infos);
        props.remove(twice);
        props.contentTypeProperty().set(" ");
        assertTrue(props.problemProperty().get().startsWith("Enter a content type"));
        props.contentTypeProperty().set("text/plain");
        assertEquals("", props.problemProperty().get());

        Messages text = Messages.of(PropertyRules.class);
        List<Map.Entry<String, String>> eleven = IntStream.range(0, 11).mapToObj(i -> Map.entry("k" + i, "v")).toList();
        assertTrue(PropertyRules.tagsProblem(text, eleven).orElseThrow().contains("at most 10"));
        assertEquals(Optional.empty(), PropertyRules.tagsProblem(text, eleven.subList(0, 10)));
        assertTrue(PropertyRules.tagsProblem(text, List.of(Map.entry("k".repeat(129), "v"))).isPresent());
        assertEquals(Optional.empty(), PropertyRules.tagsProblem(text, List.of(Map.entry("k".repeat(128), "v".repeat(256)))));
        assertTrue(PropertyRules.tagsProblem(text, List.of(Map.entry("k", "v".repeat(257)))).isPresent());
        assertTrue(PropertyRules.tagsProblem(text, List.of(Map.entry("aws:cost", "v"))).isPresent());
        assertTrue(PropertyRules.tagsProblem(text, List.of(Map.entry("k", "1"), Map.entry("k", "2"))).isPresent());
    }

    @Test
    void versioningIsEnabledAnOlderVersionRestoredAndVersioningSuspended() {
        s3.createBucket("versioned");
        BucketActions bucket = vm.bucketActions();
        bucket.checkVersioning(session, "versioned");
        assertEquals(BucketActions.Versioning.OFF, bucket.versioningProperty().get());

        prompts.confirm = false;
        bucket.toggleVersioning(session, "versioned", prompts);
        assertFalse(s3.versioningEnabled("versioned"));
        prompts.confirm = true;
        bucket.toggleVersioning(session, "versioned", prompts);
        assertTrue(s3.versioningEnabled("versioned"));
        assertEquals(BucketActions.Versioning.ENABLED, bucket.versioningProperty().get());
        assertEquals(List.of("enable versioning versioned", "enable versioning versioned"), prompts.otherQuestions);
        assertEquals("Versioning enabled on versioned.", notifier.infos.getLast());

        put("versioned", "doc.txt", "first");
        put("versioned", "doc.txt", "second");
        ObjectRow row = open("versioned", "doc.txt");
        AtomicReference<List<ObjectVersion>> shown = new AtomicReference<>();
        vm.actions().versions(row, shown::set);
        assertEquals(2, shown.get().size());
        ObjectVersion current = shown.get().stream().filter(ObjectVersion::latest).findFirst().orElseThrow();
        ObjectVersion older = shown.get().stream().filter(v -> !v.latest()).findFirst().orElseThrow();

        vm.actions().restoreVersion(current, prompts, () -> { throw new AssertionError("the current version is no restore"); });
        prompts.confirm = false;
        vm.actions().restoreVersion(older, prompts, () -> { throw new AssertionError("restored without confirmation"); });
        prompts.confirm = true;
        vm.actions().restoreVersion(older, prompts, () -> vm.actions().versions(row, shown::set));
        assertEquals(3, shown.get().size());
        assertEquals(5, s3.head("versioned", "doc.txt").size()); // "first" again
        assertEquals("doc.txt restored from version " + older.versionId() + ".", notifier.infos.getLast());

        bucket.toggleVersioning(session, "versioned", prompts);
        assertEquals("suspend versioning versioned", prompts.otherQuestions.getLast());
        assertFalse(s3.versioningEnabled("versioned"));
        assertEquals(BucketActions.Versioning.OFF, bucket.versioningProperty().get());
        assertEquals(List.of(), notifier.warnings);
    }

    @Test
    void incompleteUploadsAreListedAndAbortedAfterConfirmation(@TempDir Path dir) throws Exception {
        s3.createBucket("leftovers");
        S3Fixture.leaveBehind(demo, S3Fixture.file(dir, "big.bin", 12 * 1024 * 1024, 5), "leftovers", "crashed/big.bin");
        IncompleteUploadsViewModel uploads = vm.bucketActions().incompleteUploads(session, "leftovers");
        uploads.refresh();
        assertEquals(1, uploads.uploads().size());
        assertEquals("crashed/big.bin", uploads.uploads().getFirst().key());
        assertTrue(uploads.resumable(uploads.uploads().getFirst()).isEmpty(), "begun by another tool: not resumable here");
        assertEquals("0 min", uploads.age(uploads.uploads().getFirst(), Instant.now()));
        assertEquals("2 d 3 h", uploads.age(new dev.rackside.s3.IncompleteUpload("k", "id",
                Instant.now().minus(Duration.ofHours(51))), Instant.now()));

        prompts.confirm = false;
        uploads.abort(new ArrayList<>(uploads.uploads()), prompts);
        assertEquals(1, s3.incompleteUploads("leftovers", "").size());
        prompts.confirm = true;
        uploads.abort(new ArrayList<>(uploads.uploads()), prompts);
        assertEquals(List.of(), s3.incompleteUploads("leftovers", ""));
        assertEquals(List.of(), uploads.uploads());
        assertEquals(List.of("abort [crashed/big.bin]", "abort [crashed/big.bin]"), prompts.otherQuestions);
        assertEquals("1 upload aborted in leftovers.", notifier.infos.getLast());
    }

    @Test
    void anotherToolsUploadGoesOnFromTheFileItCameFrom(@TempDir Path dir) throws Exception {
        s3.createBucket("begun-elsewhere");
        Path file = S3Fixture.file(dir, "tool.iso", 12 * 1024 * 1024, 7);
        S3Fixture.leaveBehind(demo, file, "begun-elsewhere", "iso/tool.iso");
        IncompleteUploadsViewModel uploads = vm.bucketActions().incompleteUploads(session, "begun-elsewhere");
        uploads.refresh();
        dev.rackside.s3.IncompleteUpload u = uploads.uploads().getFirst();
        assertTrue(uploads.foreign(u), "not begun here: offered to continue from a file");

        // Where uploads are encrypted on this computer, the plaintext parts are not continued.
        S3Session encrypted = new S3Session("enc", "Encrypted", s3, new dev.rackside.s3.profiles.UploadEncryption(
                dev.rackside.s3.profiles.UploadEncryption.Mode.CLIENT_SIDE, null), Optional.of(dev.rackside.s3.ClientSideKey.generate()));
        new IncompleteUploadsViewModel(encrypted, "begun-elsewhere", Background.direct(), notifier).continueFrom(u, file);
        assertTrue(notifier.warnings.getLast().startsWith("Uploads to this endpoint are encrypted on this computer"),
                notifier.warnings.toString());
        assertEquals(List.of(u), s3.incompleteUploads("begun-elsewhere", ""), "left alone");

        uploads.continueFrom(u, file);
        assertEquals("The upload of iso/tool.iso goes on from tool.iso: its stored parts are checked against the file first,"
                + " then the missing parts are sent. See Transfers.", notifier.infos.getLast());
        Transfer adopted = s3.transfers().transfers().getLast();
        adopted.completion().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(), s3.incompleteUploads("begun-elsewhere", ""), "that upload was completed");
        assertEquals(java.nio.file.Files.size(file), s3.head("begun-elsewhere", "iso/tool.iso").size());
    }

    @Test
    void anUploadPausedOnThisComputerGoesOnFromTheIncompleteUploads(@TempDir Path dir) throws Exception {
        s3.createBucket("paused-here");
        Path file = S3Fixture.file(dir, "disk.qcow2", 12 * 1024 * 1024, 6);
        try (S3Engine mine = S3Engine.open(demo.endpoint(), S3Fixture.fastOptions().uploadLimit(2_000_000).build())) {
            S3Session here = new S3Session("here", "This computer", mine);
            Transfer t = mine.transfers().upload(file, "paused-here", "disk.qcow2");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (s3.incompleteUploads("paused-here", "").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            t.pause();
            IncompleteUploadsViewModel uploads = new IncompleteUploadsViewModel(here, "paused-here", Background.direct(), notifier);
            uploads.refresh();
            assertEquals(1, uploads.uploads().size());
            assertEquals(Optional.of(t), uploads.resumable(uploads.uploads().getFirst()), "its paused transfer, found by upload id");

            mine.transfers().setUploadLimit(0);
            uploads.resume(List.copyOf(uploads.uploads()));
            t.completion().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(file.toFile().length(), s3.head("paused-here", "disk.qcow2").size());
            assertEquals(List.of(), s3.incompleteUploads("paused-here", ""));
            assertEquals("1 upload goes on from the parts already stored: see Transfers.", notifier.infos.getLast());
        }
    }

    @Test
    void anUploadLinkLetsAnyoneUploadTheNamedKey() throws Exception {
        s3.createBucket("inbox");
        put("inbox", "drop/readme.txt", "drop files here");
        vm.open(session, "inbox");
        vm.enter(vm.rows().getFirst());
        prompts.uploadLink = Optional.of(new S3Prompts.UploadLink("drop/report.csv", Duration.ofMinutes(15)));
        AtomicReference<String> link = new AtomicReference<>();
        vm.actions().uploadLink(null, prompts, link::set);
        assertEquals(List.of("upload link inbox/drop/"), prompts.otherQuestions);

        HttpResponse<Void> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.get()))
                .PUT(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
        assertEquals(8, s3.head("inbox", "drop/report.csv").size());
        assertTrue(notifier.infos.getLast().startsWith("Upload link for drop/report.csv copied"), notifier.infos.toString());
        assertTrue(link.get().contains("X-Amz-Expires=900"), link.get());
    }
}
