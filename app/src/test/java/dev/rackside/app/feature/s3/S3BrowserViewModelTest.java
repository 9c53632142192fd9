package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.RecordingNotifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.Background;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The browser's ViewModel against a real S3 server (the demo's S3Proxy), on the calling thread.
class S3BrowserViewModelTest {
    static DemoS3 demo;
    static S3Engine s3;
    static S3Session session;
    S3Fixture.Ui ui;
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
        ui = new S3Fixture.Ui();
        notifier = new RecordingNotifier();
        prompts = new S3Fixture.Scripted();
        vm = new S3BrowserViewModel(FXCollections.observableArrayList(session), Background.direct(), notifier, ui, 4);
    }

    private void put(String bucket, String key) {
        s3.putBytes(bucket, key, key.getBytes(), "text/plain", Encryption.none());
    }

    private List<String> names() {
        return vm.rows().stream().map(ObjectRow::name).toList();
    }

    private ObjectRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + names()));
    }

    @Test
    void sidebarListsTheEndpointAndItsBuckets() {
        assertEquals(new SidebarEntry.Endpoint(session, null), vm.sidebar().getFirst());
        assertTrue(vm.sidebar().contains(new SidebarEntry.Bucket(session, "iso-images")));
        assertTrue(vm.sidebar().contains(new SidebarEntry.Bucket(session, "vm-backups")));
    }

    @Test
    void listsOnePageAtATimeFoldersAndObjects() {
        s3.createBucket("paging");
        for (int i = 0; i < 7; i++) {
            put("paging", "file-" + i + ".txt");
        }
        List.of("a/1", "b/1", "c/1").forEach(k -> put("paging", k));
        vm.open(session, "paging");
        assertEquals(4, vm.rows().size(), "only the first page (4 keys) is listed");
        assertTrue(vm.hasMoreProperty().get());
        int pages = 1;
        while (vm.hasMoreProperty().get()) {
            vm.loadMore();
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(List.of("a/", "b/", "c/", "file-0.txt", "file-1.txt", "file-2.txt", "file-3.txt", "file-4.txt",
                "file-5.txt", "file-6.txt"), names().stream().sorted().toList());
        assertTrue(row("a/").isFolder());
        assertEquals(ChecksumState.NOT_APPLICABLE, row("a/").checksumProperty().get());
        assertEquals("10 items", vm.statusProperty().get());
    }

    @Test
    void entersFoldersGoesUpAndFollowsCrumbs() {
        s3.createBucket("nav");
        put("nav", "top.txt");
        put("nav", "a/x/deep.txt");
        put("nav", "a/mid.txt");
        vm.open(session, "nav");
        vm.enter(row("a/"));
        assertEquals("a/", vm.prefixProperty().get());
        assertEquals(List.of("mid.txt", "x/"), names().stream().sorted().toList());
        vm.enter(row("x/"));
        assertEquals(List.of("deep.txt"), names());
        assertEquals(List.of(new S3BrowserViewModel.Crumb("nav", ""), new S3BrowserViewModel.Crumb("a", "a/"),
                new S3BrowserViewModel.Crumb("x", "a/x/")), vm.crumbs());
        assertTrue(vm.up());
        assertEquals("a/", vm.prefixProperty().get());
        vm.goTo("");
        assertEquals(List.of("a/", "top.txt"), names().stream().sorted().toList());
        assertFalse(vm.up(), "nothing above the bucket's root");
    }

    @Test
    void searchLooksUnderTheCurrentPrefixOnly() {
        s3.createBucket("search");
        List.of("a/debian.iso", "a/ubuntu.iso", "a/sub/debian-old.iso", "b/debian.iso").forEach(k -> put("search", k));
        vm.open(session, "search");
        vm.enter(row("a/"));
        vm.search("DEBIAN");
        while (vm.hasMoreProperty().get()) {
            vm.loadMore();
        }
        assertEquals(List.of("debian.iso", "sub/debian-old.iso"), names().stream().sorted().toList());
        assertTrue(vm.statusProperty().get().startsWith("2 matches"), vm.statusProperty().get());
        vm.search("");
        assertEquals(List.of("debian.iso", "sub/", "ubuntu.iso"), names().stream().sorted().toList());
    }

    @Test
    void deleteAsksFirstAndRemovesFoldersWithTheirContent() {
        s3.createBucket("deleting");
        List.of("keep.txt", "gone.txt", "dir/a.txt", "dir/sub/b.txt").forEach(k -> put("deleting", k));
        vm.open(session, "deleting");
        prompts.confirm = false;
        vm.actions().delete(List.of(row("gone.txt")), prompts);
        assertEquals(List.of(List.of("gone.txt")), prompts.deleteQuestions);
        assertTrue(names().contains("gone.txt"), "declined: nothing deleted");

        prompts.confirm = true;
        vm.actions().delete(List.of(row("gone.txt"), row("dir/")), prompts);
        assertEquals(List.of("keep.txt"), names());
        assertEquals(List.of("keep.txt"), s3.objects("deleting", "").map(o -> o.key()).toList());
        assertEquals(List.of("2 items deleted."), notifier.infos);
    }

    @Test
    void renameAndCopyKeepTheContent() {
        s3.createBucket("renaming");
        put("renaming", "old-name.txt");
        vm.open(session, "renaming");
        prompts.target = Optional.of(new S3Prompts.Target("renaming", "new-name.txt"));
        vm.actions().transfer(row("old-name.txt"), S3Prompts.TargetKind.RENAME, prompts);
        assertEquals(List.of("new-name.txt"), names());
        prompts.target = Optional.of(new S3Prompts.Target("renaming", "copies/again.txt"));
        vm.actions().transfer(row("new-name.txt"), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of("copies/", "new-name.txt"), names().stream().sorted().toList());
        assertEquals(s3.head("renaming", "new-name.txt").etag(), s3.head("renaming", "copies/again.txt").etag());
    }

    @Test
    void aCopyRenameOrMoveOntoATakenNameAsksBeforeReplacing() {
        s3.createBucket("taken");
        put("taken", "a.txt");
        put("taken", "b.txt");
        put("taken", "lab/x");
        put("taken", "dest/lab/y");
        vm.open(session, "taken");
        String b = s3.head("taken", "b.txt").etag();
        prompts.confirm = false;
        prompts.target = Optional.of(new S3Prompts.Target("taken", "b.txt"));
        vm.actions().transfer(row("a.txt"), S3Prompts.TargetKind.RENAME, prompts);
        assertEquals(List.of("replace objects taken/ [b.txt]"), prompts.otherQuestions);
        assertEquals(b, s3.head("taken", "b.txt").etag(), "declined: b.txt is untouched");
        assertTrue(names().contains("a.txt"), "declined: a.txt is not renamed");

        prompts.target = Optional.of(new S3Prompts.Target("taken", "dest/lab"));
        vm.actions().transfer(row("lab/"), S3Prompts.TargetKind.MOVE, prompts);
        assertEquals("replace objects taken/dest/ [lab/]", prompts.otherQuestions.getLast());
        assertEquals(List.of("dest/lab/y", "lab/x"), s3.objects("taken", "").map(o -> o.key())
                .filter(k -> k.contains("/")).sorted().toList(), "declined: neither folder changes");

        prompts.otherQuestions.clear();
        prompts.target = Optional.of(new S3Prompts.Target("taken", "c.txt"));
        vm.actions().transfer(row("a.txt"), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of(), prompts.otherQuestions, "a free name is not asked about");
        assertEquals(s3.head("taken", "a.txt").etag(), s3.head("taken", "c.txt").etag());

        prompts.confirm = true;
        prompts.target = Optional.of(new S3Prompts.Target("taken", "b.txt"));
        vm.actions().transfer(row("a.txt"), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of("replace objects taken/ [b.txt]"), prompts.otherQuestions);
        assertEquals(s3.head("taken", "a.txt").etag(), s3.head("taken", "b.txt").etag(), "confirmed: replaced");
    }

    @Test
    void searchResultsThatWouldDownloadToOneNameAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        s3.createBucket("same-names");
        put("same-names", "pve1/interfaces");
        put("same-names", "pve2/Interfaces");
        put("same-names", "pve2/hosts");
        vm.open(session, "same-names");
        vm.search("s");
        assertEquals(List.of("pve1/interfaces", "pve2/Interfaces", "pve2/hosts"), names());
        vm.actions().download(List.copyOf(vm.rows()), title -> Optional.of(tmp), prompts);
        assertTrue(notifier.warnings.getLast().contains("same name (interfaces, Interfaces)"), notifier.warnings.toString());
        assertEquals(List.of(), vm.transfers().rows(), "nothing started");
        assertEquals(List.of(), prompts.otherQuestions);
    }

    @Test
    void aReloadAfterAChangeKeepsThePagesTheOperatorLoaded() {
        s3.createBucket("reloading");
        for (int i = 0; i < 10; i++) {
            put("reloading", "k" + i);
        }
        vm.open(session, "reloading"); // pages of 4
        vm.loadMore();
        assertEquals(8, vm.rows().size());
        put("reloading", "k0-new");
        vm.actions().delete(List.of(row("k1")), prompts); // a change the operator made: a reload follows
        assertEquals(List.of("k0", "k0-new", "k2", "k3", "k4", "k5", "k6", "k7"), names(),
                "as many rows as were loaded, listed again (a refresh would show the first page only)");
        assertTrue(vm.hasMoreProperty().get());
        vm.refresh();
        assertEquals(4, vm.rows().size(), "F5 starts from the first page");
    }

    @Test
    void anUploadOntoTakenNamesAsksFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        s3.createBucket("up-taken");
        put("up-taken", "inbox/report.csv");
        put("up-taken", "inbox/lab/old.txt");
        put("up-taken", "inbox/labs.txt");
        java.nio.file.Path report = S3Fixture.file(tmp, "report.csv", 10, 1);
        java.nio.file.Path lab = S3Fixture.file(tmp, "lab/new.txt", 10, 2).getParent();
        java.nio.file.Path fresh = S3Fixture.file(tmp, "fresh.txt", 10, 3);
        vm.open(session, "up-taken");
        vm.enter(row("inbox/"));
        prompts.confirm = false;
        vm.actions().upload(List.of(report, lab, fresh), "inbox/", prompts);
        assertEquals(List.of("replace objects up-taken/inbox/ [report.csv, lab/]"), prompts.otherQuestions);
        assertEquals(List.of(), vm.transfers().rows(), "declined: nothing starts");

        prompts.otherQuestions.clear();
        vm.actions().upload(List.of(fresh), "inbox/", prompts);
        assertEquals(List.of(), prompts.otherQuestions, "a free name goes without asking");
        assertEquals(1, vm.transfers().rows().size());

        // A level too big to list whole (here: more than one page of one) is asked name by name.
        assertEquals(List.of("report.csv", "lab/"),
                Conflicts.remote(s3, "up-taken", "inbox/", List.of(report, lab, fresh.resolveSibling("nothing.txt")), 1, 1));
    }

    @Test
    void anUploadAboveTheFolderShownStillShowsItsFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        s3.createBucket("above");
        put("above", "inbox/sub/old.txt");
        java.nio.file.Path sub = S3Fixture.file(tmp, "sub/new.txt", 10, 4).getParent();
        vm.open(session, "above");
        vm.goTo("inbox/sub/");
        assertEquals(List.of("old.txt"), names());
        // The folder "sub" dropped into inbox/ while inbox/sub/ is shown: its files land in the folder shown.
        vm.actions().upload(List.of(sub), "inbox/", prompts);
        assertEquals(List.of("replace objects above/inbox/ [sub/]"), prompts.otherQuestions);
        ui.until(() -> names().contains("new.txt"), 20, "the folder shown listed again");
    }

    @Test
    void severalItemsAreMovedIntoOneFolderKeepingTheirNames() {
        s3.createBucket("many");
        put("many", "a.iso");
        put("many", "b.iso");
        put("many", "lab/user-data");
        put("many", "archive/b.iso");
        vm.open(session, "many");
        List<ObjectRow> chosen = List.of(row("a.iso"), row("b.iso"), row("lab/"));
        String b = s3.head("many", "archive/b.iso").etag();
        prompts.target = Optional.of(new S3Prompts.Target("many", "archive"));
        prompts.confirm = false;
        vm.actions().transfer(chosen, S3Prompts.TargetKind.MOVE, prompts);
        assertEquals(List.of("move 3 items from many/", "replace objects many/archive/ [b.iso]"), prompts.otherQuestions);
        assertEquals(List.of("a.iso", "archive/b.iso", "b.iso", "lab/user-data"),
                s3.objects("many", "").map(o -> o.key()).sorted().toList(), "declined: nothing moves");

        prompts.confirm = true;
        vm.actions().transfer(chosen, S3Prompts.TargetKind.MOVE, prompts);
        assertEquals(List.of("archive/a.iso", "archive/b.iso", "archive/lab/user-data"),
                s3.objects("many", "").map(o -> o.key()).sorted().toList());
        assertFalse(b.equals(s3.head("many", "archive/b.iso").etag()), "confirmed: archive/b.iso now holds the moved b.iso");
        assertEquals("3 items moved to many/archive/.", notifier.infos.getLast());
        assertEquals(List.of("archive/"), names(), "the folder shown is listed again");

        // One refusal does not stop the rest: archive/ cannot go into its own subfolder, c.txt goes.
        put("many", "c.txt");
        vm.reload();
        prompts.target = Optional.of(new S3Prompts.Target("many", "archive/inner"));
        vm.actions().transfer(List.of(row("archive/"), row("c.txt")), S3Prompts.TargetKind.MOVE, prompts);
        assertTrue(s3.objects("many", "archive/inner/").anyMatch(o -> o.key().equals("archive/inner/c.txt")));
        assertTrue(notifier.warnings.getLast().startsWith("1 done, 1 could not be: archive/:"), notifier.warnings.toString());
        // Items already in the folder chosen are left alone, and the operator hears so.
        vm.goTo("archive/");
        prompts.target = Optional.of(new S3Prompts.Target("many", "archive/"));
        vm.actions().transfer(List.of(row("a.iso"), row("b.iso")), S3Prompts.TargetKind.COPY, prompts);
        assertEquals("Everything chosen is in many/archive/ already: nothing to do.", notifier.infos.getLast());
        // The bucket's root is a folder too.
        prompts.target = Optional.of(new S3Prompts.Target("many", ""));
        vm.actions().transfer(List.of(row("a.iso"), row("b.iso")), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of("a.iso", "b.iso"), s3.objects("many", "").map(o -> o.key()).filter(k -> !k.contains("/")).sorted().toList());

        // Search results from two folders with one name would land on one key: refused before anything.
        put("many", "x/same.txt");
        put("many", "y/same.txt");
        vm.goTo("");
        vm.search("same");
        while (vm.hasMoreProperty().get()) { // a search hands back what one scan found: the second match comes later
            vm.loadMore();
        }
        assertEquals(List.of("x/same.txt", "y/same.txt"), names());
        prompts.otherQuestions.clear();
        vm.actions().transfer(List.copyOf(vm.rows()), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of(), prompts.otherQuestions);
        assertTrue(notifier.warnings.getLast().contains("same name (same.txt)"), notifier.warnings.toString());
    }

    @Test
    void foldersAreCopiedAndRenamedServerSideWithEverythingInThem() {
        s3.createBucket("folders");
        put("folders", "lab/user-data");
        put("folders", "lab/vendor/net.yaml");
        put("folders", "labs/not-inside");
        vm.open(session, "folders");
        // The operator leaves the trailing slash off: the folder still lands under the name they typed.
        prompts.target = Optional.of(new S3Prompts.Target("folders", "backup/lab"));
        vm.actions().transfer(row("lab/"), S3Prompts.TargetKind.COPY, prompts);
        assertEquals(List.of("backup/lab/user-data", "backup/lab/vendor/net.yaml"),
                s3.objects("folders", "backup/").map(o -> o.key()).sorted().toList());
        assertEquals("Folder lab/ copied to folders/backup/lab/: 2 objects.", notifier.infos.getLast());

        prompts.target = Optional.of(new S3Prompts.Target("folders", "lab-2026/"));
        vm.actions().transfer(row("lab/"), S3Prompts.TargetKind.RENAME, prompts);
        assertEquals(List.of("backup/", "lab-2026/", "labs/"), names().stream().sorted().toList());
        assertEquals(List.of("lab-2026/user-data", "lab-2026/vendor/net.yaml"),
                s3.objects("folders", "lab-2026/").map(o -> o.key()).sorted().toList());

        prompts.target = Optional.of(new S3Prompts.Target("folders", "lab-2026/inner/"));
        vm.actions().transfer(row("lab-2026/"), S3Prompts.TargetKind.MOVE, prompts);
        assertTrue(notifier.warnings.getLast().contains("into itself"), notifier.warnings.toString());
        assertEquals(2, s3.objects("folders", "lab-2026/").count(), "a refused move touches nothing");
    }

    @Test
    void checksumStateComesFromHeadAndSharedLinksWork() throws Exception {
        vm.open(session, "iso-images");
        vm.enter(row("debian/"));
        ObjectRow iso = row("debian-13.1-netinst.iso");
        ObjectRow sums = row("SHA256SUMS");
        assertEquals(ChecksumState.UNKNOWN, iso.checksumProperty().get(), "nothing is asked before it is shown");
        vm.checkChecksum(iso);
        vm.checkChecksum(sums);
        assertEquals(ChecksumState.SHA256, iso.checksumProperty().get());
        assertEquals(ChecksumState.MD5, sums.checksumProperty().get(), "a plain upload's ETag is its MD5");

        AtomicReference<String> link = new AtomicReference<>();
        vm.actions().shareLink(sums, prompts, link::set);
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.get())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertTrue(new String(got.body()).startsWith("# placeholder"));
    }

    @Test
    void engineErrorsReachTheNotifierWithTheirOperatorMessage() {
        vm.deleteBucket(session, "iso-images", prompts);
        assertEquals(1, notifier.warnings.size());
        assertTrue(notifier.warnings.getFirst().startsWith("Bucket iso-images is not empty"), notifier.warnings.toString());

        vm.open(session, "no-such-bucket");
        assertEquals(2, notifier.warnings.size());
        assertTrue(notifier.warnings.get(1).startsWith("Not found"), notifier.warnings.toString());
        assertTrue(notifier.errors.isEmpty());
    }

    @Test
    void bucketsAreCreatedAndDeletedWhenEmpty() {
        prompts.newBucket = Optional.of(new S3Prompts.NewBucket("fresh-bucket", "lab-east"));
        vm.createBucket(session, prompts);
        assertEquals(List.of("new bucket in " + session.engine().endpoint().region()), prompts.otherQuestions,
                "the endpoint's region is offered; a loopback endpoint is not AWS");
        assertEquals("fresh-bucket", vm.bucketProperty().get());
        assertTrue(vm.sidebar().contains(new SidebarEntry.Bucket(session, "fresh-bucket")));
        vm.deleteBucket(session, "fresh-bucket", prompts);
        assertFalse(vm.sidebar().contains(new SidebarEntry.Bucket(session, "fresh-bucket")));
        assertEquals(null, vm.bucketProperty().get());
    }
}
