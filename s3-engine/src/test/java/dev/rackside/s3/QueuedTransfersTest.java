package dev.rackside.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A folder's transfers that were still queued, or small enough to go in one request, when the
/// engine stopped (quit or crash) come back from the journal: nothing of the folder is forgotten.
class QueuedTransfersTest {
    static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.inMemory();
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            e.createBucket("queued");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void queuedAndSmallTransfersResumeAfterTheEngineStops(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("seed");
        for (int i = 0; i < 4; i++) {
            TestFiles.random(folder, "f" + i + ".bin", 96 * 1024, i);
        }
        Path journal = dir.resolve("journal.db");
        // One file at a time at 32 KiB/s: when the engine stops, one small file is in flight and three wait.
        try (S3Engine first = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(1)
                .uploadLimit(32 * 1024).journal(journal).build())) {
            first.transfers().uploadFolder(folder, "queued", "seed/", Encryption.none());
            Thread.sleep(300);
        }
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            List<Transfer> back = second.transfers().resumeUnfinished();
            assertEquals(4, back.size(), "every file of the folder, whether it had started or not");
            for (Transfer t : back) {
                t.completion().get(60, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 4; i++) {
                Path out = dir.resolve("back/f" + i + ".bin");
                second.transfers().download("queued", "seed/f" + i + ".bin", out).completion().get(30, TimeUnit.SECONDS);
                assertEquals(TestFiles.sha256(folder.resolve("f" + i + ".bin")), TestFiles.sha256(out));
            }
        }
        try (S3Engine third = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            assertEquals(List.of(), third.transfers().resumeUnfinished(), "completed transfers leave the journal");
        }
    }

    @Test
    void restoredTransfersStayPausedUntilResumed(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("held");
        for (int i = 0; i < 3; i++) {
            TestFiles.random(folder, "f" + i + ".bin", 64 * 1024, 10 + i);
        }
        Path journal = dir.resolve("journal.db");
        try (S3Engine first = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(1)
                .uploadLimit(16 * 1024).journal(journal).build())) {
            first.transfers().uploadFolder(folder, "queued", "held/", Encryption.none());
            Thread.sleep(300);
        }
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            long before = second.objects("queued", "held/").count();
            List<Transfer> back = second.transfers().restoreUnfinished(java.util.Optional.empty(), false);
            assertEquals(3 - before, back.size(), "every file not yet stored comes back");
            Thread.sleep(1_000); // time enough, unthrottled, for all of them to go up if anything ran
            for (Transfer t : back) {
                assertEquals(TransferState.PAUSED, t.state(), t.id());
                assertEquals(0, t.progress().transferredBytes(), "nothing was sent before the resume");
            }
            assertEquals(before, second.objects("queued", "held/").count(), "no object was stored meanwhile");

            back.forEach(Transfer::resume);
            for (Transfer t : back) {
                t.completion().get(60, TimeUnit.SECONDS);
            }
            assertEquals(3, second.objects("queued", "held/").count());
        }
    }

    @Test
    void aFileSubmittedAgainAfterAFailureGoesOnInItsTransferAndNothingRunsBeside(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "seed.img", 256 * 1024, 7);
        try (S3Engine engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().uploadLimit(128 * 1024)
                .journal(dir.resolve("j.db")).build())) {
            Transfer first = engine.transfers().upload(file, "not-yet", "seed.img");
            assertThrows(Exception.class, () -> first.completion().get(30, TimeUnit.SECONDS));
            engine.createBucket("not-yet");
            // The same request again: the failed transfer goes on (one transfer, one id, one row per file).
            assertSame(first, engine.transfers().upload(file, "not-yet", "seed.img"));
            first.completion().get(30, TimeUnit.SECONDS);

            // Another request for the file (here: encrypted on this computer) while an older one failed:
            // the older one cannot be retried beside it.
            Transfer failed = engine.transfers().upload(file, "no-bucket", "x.img");
            assertThrows(Exception.class, () -> failed.completion().get(30, TimeUnit.SECONDS));
            engine.createBucket("no-bucket");
            Transfer sealed = engine.transfers().submit(new TransferRequest.Upload(file, "no-bucket", "x.img", Encryption.none(),
                    java.util.Optional.of(ClientSideKey.generate())));
            failed.retry();
            assertEquals(TransferState.FAILED, failed.state(), "the newer transfer of the file runs, not this one");
            sealed.completion().get(30, TimeUnit.SECONDS);
            failed.retry(); // once that one is done, the failed one may go again
            failed.completion().get(30, TimeUnit.SECONDS);
        }
    }
}
