package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// Pause, resume, cancel, retry, live limits and concurrency, folders.
class TransferControlTest {
    @TempDir
    static Path store;
    static S3ProxyServer server;
    static S3Engine engine;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(2).build());
        engine.createBucket("ctl");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    static void waitFor(Transfer t, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (t.progress().transferredBytes() < bytes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void pauseKeepsProgressAndResumeFinishes(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "p.bin", 12 * EngineOptions.MIB, 21);
        engine.transfers().setUploadLimit(4_000_000);
        try {
            Transfer t = engine.transfers().upload(src, "ctl", "p.bin");
            waitFor(t, 6 * EngineOptions.MIB);
            TransferProgress running = t.progress();
            assertTrue(running.bytesPerSecond() > 2_000_000 && running.bytesPerSecond() < 6_000_000, running.toString());
            assertTrue(running.eta().isPresent() && running.eta().get().toSeconds() < 10, running.toString());
            t.pause();
            assertEquals(TransferState.PAUSED, t.state());
            Thread.sleep(300);
            long paused = t.progress().transferredBytes();
            Thread.sleep(300);
            assertEquals(paused, t.progress().transferredBytes(), "nothing moves while paused");
            engine.transfers().setUploadLimit(0);
            t.resume();
            TransferProgress done = t.await();
            assertEquals(Files.size(src), done.transferredBytes());
            assertEquals(TestFiles.sha256(src), engine.head("ctl", "p.bin").sha256().orElseThrow());
        } finally {
            engine.transfers().setUploadLimit(0);
        }
    }

    @Test
    void cancelAbortsTheUploadAndDeletesThePartFile(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "c.bin", 12 * EngineOptions.MIB, 22);
        engine.transfers().setUploadLimit(3_000_000);
        engine.transfers().setDownloadLimit(3_000_000);
        try {
            Transfer up = engine.transfers().upload(src, "ctl", "c.bin");
            waitFor(up, 6 * EngineOptions.MIB);
            up.cancel();
            assertThrows(S3EngineException.Cancelled.class, up::await);
            assertEquals(TransferState.CANCELLED, up.state());
            assertTrue(engine.incompleteUploads("ctl", "c.bin").isEmpty(), "the multipart upload was aborted");

            engine.transfers().setUploadLimit(0);
            engine.transfers().upload(src, "ctl", "c.bin").await();
            Path out = dir.resolve("c.out");
            Transfer down = engine.transfers().download("ctl", "c.bin", out);
            waitFor(down, 2 * EngineOptions.MIB);
            down.cancel();
            assertThrows(S3EngineException.Cancelled.class, down::await);
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(dir.resolve("c.out.part")));
        } finally {
            engine.transfers().setUploadLimit(0);
            engine.transfers().setDownloadLimit(0);
        }
    }

    @Test
    void aFailedTransferCanBeRetried(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("late.txt");
        Transfer t = engine.transfers().download("ctl", "late.txt", out);
        assertThrows(S3EngineException.NotFound.class, t::await);
        assertEquals(TransferState.FAILED, t.state());
        engine.putBytes("ctl", "late.txt", "now here".getBytes(), "text/plain", Encryption.none());
        t.retry();
        t.await();
        assertEquals("now here", Files.readString(out));
    }

    @Test
    void foldersKeepTheirStructureBothWays(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        TestFiles.random(tree, "a.txt", 1000, 1);
        TestFiles.random(tree, "sub/b.bin", 70_000, 2);
        TestFiles.random(tree, "sub/deeper/c.bin", 6 * EngineOptions.MIB, 3);
        List<TransferProgress> finished = new CopyOnWriteArrayList<>();
        List<TransferProgress> totals = new CopyOnWriteArrayList<>();
        TransferListener l = new TransferListener() {
            @Override
            public void transferComplete(TransferProgress p) {
                finished.add(p);
            }

            @Override
            public void queueProgress(TransferProgress total) {
                totals.add(total);
            }
        };
        engine.transfers().addListener(l);
        engine.transfers().setConcurrency(1); // changed live, before and during the batch
        List<Transfer> ups = engine.transfers().uploadFolder(tree, "ctl", "backup/", Encryption.none());
        engine.transfers().setConcurrency(4);
        ups.forEach(Transfer::await);
        engine.putBytes("ctl", "backup/sub/CON.txt", "x".getBytes(), "text/plain", Encryption.none()); // a device name on Windows
        Path copy = dir.resolve("copy");
        List<Transfer> downs = engine.transfers().downloadFolder(engine, "ctl", "backup/", copy, Encryption.none());
        long failed = downs.stream().filter(t -> {
            try {
                t.await();
                return false;
            } catch (S3EngineException.UnsafeKey e) {
                return true;
            }
        }).count();
        assertEquals(1, failed, "the hostile key is refused, the rest downloads");
        for (String f : List.of("a.txt", "sub/b.bin", "sub/deeper/c.bin")) {
            assertEquals(TestFiles.sha256(tree.resolve(f)), TestFiles.sha256(copy.resolve(f)), f);
        }
        assertFalse(Files.exists(copy.resolve("sub/CON.txt")));
        // Listeners run on the engine's event thread, a moment after the futures complete.
        for (int i = 0; i < 100 && finished.size() < 6; i++) {
            Thread.sleep(20);
        }
        engine.transfers().removeListener(l);
        assertEquals(6, finished.size(), finished.toString());
        assertFalse(totals.isEmpty(), "queue totals were reported");
    }

    @Test
    void aResumeAfterTheFileWasRewrittenRestartsWithTheNewContent(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "r.bin", 12 * EngineOptions.MIB, 23);
        var mtime = Files.getLastModifiedTime(src);
        engine.transfers().setUploadLimit(4_000_000);
        try {
            Transfer t = engine.transfers().upload(src, "ctl", "r.bin");
            waitFor(t, 6 * EngineOptions.MIB);
            t.pause();
            // Same size and mtime, other bytes: only the SHA-256 can tell.
            TestFiles.random(dir, "r.bin", 12 * EngineOptions.MIB, 24);
            Files.setLastModifiedTime(src, mtime);
            engine.transfers().setUploadLimit(0);
            t.resume();
            t.await();
            assertEquals(TestFiles.sha256(src), engine.head("ctl", "r.bin").sha256().orElseThrow());
            Path back = dir.resolve("r.out");
            engine.transfers().download("ctl", "r.bin", back).await();
            assertEquals(TestFiles.sha256(src), TestFiles.sha256(back));
        } finally {
            engine.transfers().setUploadLimit(0);
        }
    }
}
