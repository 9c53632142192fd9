package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// What a journalled upload does when its file or its owner changed between tries: another tool's
/// upload is checked again rather than sent anew, an upload begun here is never taken over, and a
/// stale upload of our own below the multipart threshold gives way to a single PUT.
class UploadJournalChangesTest {
    private static final int PART = 5 * 1024 * 1024;

    @Test
    void anAdoptedUploadWhoseFileWasTouchedIsCheckedAgainNotSentAnew(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "vm-100-disk-0.raw", 3L * PART + 4096, 21);
        byte[] bytes = Files.readAllBytes(file);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw();
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), EngineOptions.builder()
                     .journal(dir.resolve("journal.db")).maxAttempts(2).retryDelays(Duration.ofMillis(5), Duration.ofMillis(10))
                     .build())) {
            raw.createBucket(b -> b.bucket("disks"));
            String id = raw.createMultipartUpload(b -> b.bucket("disks").key("vm-100-disk-0.raw")).uploadId();
            raw.uploadPart(b -> b.bucket("disks").key("vm-100-disk-0.raw").uploadId(id).partNumber(1),
                    RequestBody.fromBytes(Arrays.copyOf(bytes, PART)));
            proxy.inject(l -> l.startsWith("PUT ") && l.contains("partNumber=3"), FaultProxy.Kind.ERROR_500, 100);
            Transfer t = engine.transfers().adopt("disks", new IncompleteUpload("vm-100-disk-0.raw", id, null), file);
            assertThrows(S3EngineException.class, t::await);

            // Touched (a backup tool, a copy with -p): same bytes, newer mtime.
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 3_600_000));
            proxy.clear();
            t.retry();
            t.await();

            assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket("disks").key("vm-100-disk-0.raw")).asByteArray());
            List<String> sent = proxy.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).toList();
            assertEquals(1, sent.size(), "parts 1, 2 and 4 checked again and kept: " + sent);
            assertTrue(proxy.requests.stream().noneMatch(l -> l.startsWith("POST ") && !l.contains("uploadId=")),
                    "no new upload: " + proxy.requests);
        }
    }

    @Test
    void anUploadBegunHereIsNotTakenOverFromAnotherFile(@TempDir Path dir) throws Exception {
        Path mine = TestFiles.random(dir, "mine.iso", 12L * 1024 * 1024, 22);
        Path other = TestFiles.random(dir, "other.iso", 12L * 1024 * 1024, 23);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             S3Engine engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().uploadLimit(2_000_000)
                     .journal(dir.resolve("journal.db")).build())) {
            engine.createBucket("iso");
            Transfer t = pausedOnceBegun(engine, mine, "iso", "mine.iso");
            IncompleteUpload open = engine.incompleteUploads("iso", "").getFirst();
            assertTrue(engine.transfers().journalledUploadIds().contains(open.uploadId()));
            S3EngineException.Misconfigured e = assertThrows(S3EngineException.Misconfigured.class,
                    () -> engine.transfers().adopt("iso", open, other));
            assertTrue(e.getMessage().contains("was begun on this computer from " + mine), e.getMessage());
            engine.transfers().setUploadLimit(0);
            t.resume();
            t.await();
            try (S3Client raw = server.raw()) {
                assertArrayEquals(Files.readAllBytes(mine), raw.getObjectAsBytes(b -> b.bucket("iso").key("mine.iso")).asByteArray());
            }
        }
    }

    /// Our own multipart upload, paused, and its file then cut below the threshold (to nothing): the
    /// stale upload is aborted and the file goes up in one PUT. S3 refuses to complete an upload of
    /// no parts, so going on in parts would fail on every try.
    @Test
    void aStaleUploadOfOursBelowTheThresholdGivesWayToASinglePut(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "log.tar", 12L * 1024 * 1024, 24);
        Path journal = dir.resolve("journal.db");
        try (S3ProxyServer server = S3ProxyServer.inMemory()) {
            try (S3Engine engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().uploadLimit(2_000_000)
                    .journal(journal).build())) {
                engine.createBucket("logs");
                pausedOnceBegun(engine, file, "logs", "log.tar");
            }
            Files.write(file, new byte[0]);
            try (S3Engine engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
                List<Transfer> resumed = engine.transfers().resumeUnfinished();
                assertEquals(1, resumed.size());
                resumed.getFirst().await();
                assertEquals(0, engine.head("logs", "log.tar").size());
                assertEquals(List.of(), engine.incompleteUploads("logs", ""), "the stale upload was aborted");
            }
        }
    }

    /// A slow upload of our own, paused once its multipart upload exists on the server.
    private static Transfer pausedOnceBegun(S3Engine engine, Path file, String bucket, String key) throws InterruptedException {
        Transfer t = engine.transfers().upload(file, bucket, key);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (engine.incompleteUploads(bucket, "").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        t.pause();
        return t;
    }
}
