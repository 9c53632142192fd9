package dev.rackside.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The engine against a second, independent S3 implementation (Adobe's S3Mock): what S3Proxy
/// lacks (object tagging), and the everyday paths again, so nothing works only because of how
/// S3Proxy happens to answer.
class SecondServerTest {
    @TempDir
    static Path work;
    static S3MockServer server;
    static S3Engine engine;

    @BeforeAll
    static void start() throws Exception {
        server = S3MockServer.start(work);
        engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(4)
                .journal(work.resolve("journal.db")).build());
        engine.createBucket("second");
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tagsAreReadAndEdited() {
        engine.putBytes("second", "iso/debian.iso", "x".getBytes(StandardCharsets.UTF_8), "application/octet-stream",
                Encryption.none());
        assertEquals(Map.of(), engine.tags("second", "iso/debian.iso"));
        engine.setTags("second", "iso/debian.iso", Map.of("os", "debian", "release", "13"));
        assertEquals(Map.of("os", "debian", "release", "13"), engine.tags("second", "iso/debian.iso"));
        engine.setTags("second", "iso/debian.iso", Map.of("os", "debian"));
        assertEquals(Map.of("os", "debian"), engine.tags("second", "iso/debian.iso"));
    }

    @Test
    void aMultipartUploadKeepsItsChecksumAndDownloadsIdentical(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "template.tar.zst", 13L * EngineOptions.MIB + 4321, 7);
        String sha = TestFiles.sha256(file);
        engine.transfers().upload(file, "second", "tpl/template.tar.zst").completion().get(120, TimeUnit.SECONDS);
        ObjectMetadata head = engine.head("second", "tpl/template.tar.zst");
        assertEquals(Files.size(file), head.size());
        assertTrue(head.etag().contains("-"), "stored as a multipart object: " + head.etag());
        assertEquals(Optional.of(sha), head.sha256(), "the full-object SHA-256 survives multipart");

        Path back = dir.resolve("back/template.tar.zst");
        engine.transfers().download("second", "tpl/template.tar.zst", back).completion().get(120, TimeUnit.SECONDS);
        assertEquals(sha, TestFiles.sha256(back));
        try (var files = Files.list(back.getParent())) {
            assertEquals(List.of(back), files.toList(), "no partial file left behind");
        }
    }

    @Test
    void foldersGoUpAndComeBackWithTheirStructure(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("seed");
        TestFiles.random(folder, "user-data", 3_000, 1);
        TestFiles.random(folder, "nested/deeper/meta-data", 70_000, 2);
        for (Transfer t : engine.transfers().uploadFolder(folder, "second", "folders/", Encryption.none())) {
            t.completion().get(60, TimeUnit.SECONDS);
        }
        // A folder's contents go under the prefix; the app adds the folder's own name to the prefix.
        assertEquals(List.of("folders/nested/deeper/meta-data", "folders/user-data"),
                engine.objects("second", "folders/").map(ObjectInfo::key).sorted().toList());
        Path out = dir.resolve("out");
        for (Transfer t : engine.transfers().downloadFolder(engine, "second", "folders/", out, Encryption.none())) {
            t.completion().get(60, TimeUnit.SECONDS);
        }
        assertEquals(TestFiles.sha256(folder.resolve("nested/deeper/meta-data")),
                TestFiles.sha256(out.resolve("nested/deeper/meta-data")));
        assertEquals(TestFiles.sha256(folder.resolve("user-data")), TestFiles.sha256(out.resolve("user-data")));
    }

    @Test
    void smallFilesWithAwkwardNamesTakeTheLeanPathBothWays(@TempDir Path dir) throws Exception {
        // Small whole-object PUTs and listed GETs skip the S3Client pipeline (LeanObjects); the
        // keys must still arrive as the S3Client would have written them, and come back intact.
        Path folder = dir.resolve("seed");
        List<String> names = List.of("with space.bin", "plus+sign.bin", "percent%41.bin", "ünïcødé/日本.bin", "amp&eq=.bin");
        // A control character is legal in a key; the listing must still parse (URL-encoded keys).
        engine.putBytes("second", "awkward-ctl/bell\u0007.bin", new byte[] {7}, "application/octet-stream", Encryption.none());
        assertEquals(List.of("awkward-ctl/bell\u0007.bin"), engine.objects("second", "awkward-ctl/").map(ObjectInfo::key).toList());
        for (int i = 0; i < names.size(); i++) {
            TestFiles.random(folder, names.get(i), 1_000 + i, 10 + i);
        }
        for (Transfer t : engine.transfers().uploadFolder(folder, "second", "awkward/", Encryption.none())) {
            t.completion().get(60, TimeUnit.SECONDS);
        }
        assertEquals(names.stream().map(n -> "awkward/" + n).sorted().toList(),
                engine.objects("second", "awkward/").map(ObjectInfo::key).sorted().toList());
        for (String n : names) {
            assertEquals(Optional.of(TestFiles.sha256(folder.resolve(n))), engine.head("second", "awkward/" + n).sha256(), n);
        }
        Path out = dir.resolve("out");
        for (Transfer t : engine.transfers().downloadFolder(engine, "second", "awkward/", out, Encryption.none())) {
            t.completion().get(60, TimeUnit.SECONDS);
        }
        for (String n : names) {
            assertEquals(TestFiles.sha256(folder.resolve(n)), TestFiles.sha256(out.resolve(n)), n);
        }
    }

    @Test
    void metadataCopyMoveAndRename() {
        engine.putBytes("second", "docs/a.txt", "alpha".getBytes(StandardCharsets.UTF_8), "text/plain", Encryption.none());
        engine.updateMetadata("second", "docs/a.txt", "text/markdown", Map.of("owner", "ops"));
        ObjectMetadata meta = engine.head("second", "docs/a.txt");
        // S3Mock 5.2 keeps the old Content-Type on a REPLACE copy (aws-cli sees the same), so only the
        // user metadata is checked here; S3Proxy's OperationsTest checks the content type.
        assertEquals("ops", meta.userMetadata().get("owner"));

        engine.copy("second", "docs/a.txt", "second", "docs/b.txt");
        engine.move("second", "docs/b.txt", "second", "archive/b.txt");
        engine.rename("second", "docs/a.txt", "docs/renamed.txt");
        assertEquals(List.of("archive/b.txt", "docs/renamed.txt"),
                engine.objects("second", "").map(ObjectInfo::key).filter(k -> k.startsWith("docs/") || k.startsWith("archive/"))
                        .sorted().toList());
        assertEquals("ops", engine.head("second", "archive/b.txt").userMetadata().get("owner"), "copies keep metadata");
    }

    @Test
    void listingPagesByPrefixAndDelimiter() {
        for (int i = 0; i < 7; i++) {
            engine.putBytes("second", "paged/f" + i, new byte[] {(byte) i}, "application/octet-stream", Encryption.none());
        }
        engine.putBytes("second", "paged/sub/inner", new byte[] {1}, "application/octet-stream", Encryption.none());
        int pages = 0;
        int files = 0;
        int folders = 0;
        for (ObjectPage page : engine.list("second", "paged/", true, 3)) {
            pages++;
            files += page.objects().size();
            folders += page.folders().size();
        }
        assertEquals(7, files);
        assertEquals(1, folders, "each folder once, though S3Mock repeats common prefixes on every page");
        assertTrue(pages >= 3, "three keys a page means several pages, got " + pages);
        assertEquals(8, engine.delete("second", engine.objects("second", "paged/").map(ObjectInfo::key).toList()).deleted().size());
    }

    @Test
    void presignedUrlsWorkWithAPlainHttpClient() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var put = engine.presignPut("second", "presigned/hello.txt", Duration.ofMinutes(5));
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(put.toURI())
                .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
        var get = engine.presignGet("second", "presigned/hello.txt", Duration.ofMinutes(5));
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(get.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("hello", read.body());
    }

    @Test
    void theConnectionTestPassesItsWriteReadDeleteProbe() {
        ConnectionReport report = engine.testConnection(Optional.of("second"));
        assertTrue(report.ok(), report.message() + " " + report.checks());
        assertFalse(report.checks().isEmpty());
        assertTrue(report.checks().stream().allMatch(ConnectionReport.Check::passed), report.checks().toString());
        assertFalse(engine.testConnection(Optional.of("no-such-bucket-here")).ok(), "a missing bucket is not OK");
    }

    @Test
    void versionsAreListed() {
        engine.createBucket("second-versions");
        assertFalse(engine.versioningEnabled("second-versions"));
        engine.setVersioning("second-versions", true);
        assertTrue(engine.versioningEnabled("second-versions"));
        engine.putBytes("second-versions", "cfg.txt", "first".getBytes(StandardCharsets.UTF_8), "text/plain", Encryption.none());
        engine.putBytes("second-versions", "cfg.txt", "second!".getBytes(StandardCharsets.UTF_8), "text/plain", Encryption.none());
        List<ObjectVersion> versions = engine.versions("second-versions", "cfg.txt").toList();
        assertEquals(2, versions.size(), versions.toString());
        assertEquals(List.of(7L), versions.stream().filter(ObjectVersion::latest).map(ObjectVersion::size).toList());
        // Restoring is checked on S3Proxy (VersionsAndEncryptionTest) only: S3Mock 5.2 answers a copy of
        // an older version onto its own key by rewriting that old version's metadata in place instead of
        // storing a new current version, as AWS does (seen with aws-cli too).
    }

    @Test
    void incompleteUploadsAreListedAndAborted() {
        // An upload a crashed tool left behind, started with the plain SDK call the engine would make.
        try (var raw = raw()) {
            raw.createMultipartUpload(b -> b.bucket("second").key("left/behind.iso"));
        }
        List<IncompleteUpload> open = engine.incompleteUploads("second", "left/");
        assertEquals(1, open.size());
        engine.abortUpload("second", open.getFirst().key(), open.getFirst().uploadId());
        assertEquals(List.of(), engine.incompleteUploads("second", "left/"));
    }

    /// An upload another tool began with CRC32 part checksums (as the AWS SDKs and aws-cli do),
    /// continued from its file: S3Mock keeps the algorithm and checks what the new parts and the
    /// completion carry.
    @Test
    void anotherToolsUploadWithCrc32PartsIsContinuedFromItsFile(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "disk.raw", 12L * EngineOptions.MIB + 77, 12);
        byte[] bytes = Files.readAllBytes(file);
        int part = 5 * 1024 * 1024;
        String id;
        try (var raw = raw()) {
            id = raw.createMultipartUpload(b -> b.bucket("second").key("adopt/disk.raw")
                    .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32)).uploadId();
            raw.uploadPart(b -> b.bucket("second").key("adopt/disk.raw").uploadId(id).partNumber(1)
                            .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(java.util.Arrays.copyOf(bytes, part)));
        }
        IncompleteUpload open = engine.incompleteUploads("second", "adopt/").getFirst();
        assertEquals(id, open.uploadId());
        engine.transfers().adopt("second", open, file).completion().get(120, TimeUnit.SECONDS);
        assertEquals(List.of(), engine.incompleteUploads("second", "adopt/"));
        Path back = dir.resolve("back.raw");
        engine.transfers().download("second", "adopt/disk.raw", back).completion().get(120, TimeUnit.SECONDS);
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(back));
    }

    private static software.amazon.awssdk.services.s3.S3Client raw() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(server.endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("k", "s"))).build();
    }
}
