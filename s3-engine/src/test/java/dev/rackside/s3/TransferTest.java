package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferTest {
    @TempDir
    static Path store;
    static S3ProxyServer server;
    static S3Engine engine;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(4).build());
        engine.createBucket("transfers");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    @Test
    void smallFileRoundTripsWithStoredSha256(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "small.bin", 300_000, 1);
        engine.transfers().upload(src, "transfers", "small.bin").await();
        assertEquals(TestFiles.sha256(src), engine.head("transfers", "small.bin").sha256().orElseThrow());
        Path dst = dir.resolve("out/small.bin");
        engine.transfers().download("transfers", "small.bin", dst).await();
        assertEquals(TestFiles.sha256(src), TestFiles.sha256(dst));
        assertFalse(Files.exists(dir.resolve("out/small.bin.part")));
    }

    @Test
    void multipartUploadAndParallelRangedDownload(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "big.bin", 17 * EngineOptions.MIB + 123, 2);
        AtomicInteger progressCalls = new AtomicInteger();
        TransferListener l = new TransferListener() {
            @Override
            public void bytesTransferred(TransferProgress p) {
                progressCalls.incrementAndGet();
            }
        };
        engine.transfers().addListener(l);
        try {
            engine.transfers().upload(src, "transfers", "big.bin").await();
            var meta = engine.head("transfers", "big.bin");
            assertEquals(TestFiles.sha256(src), meta.sha256().orElseThrow());
            Path dst = dir.resolve("big.out");
            TransferProgress done = engine.transfers().download("transfers", "big.bin", dst).await();
            assertEquals(Files.size(src), done.transferredBytes());
            assertEquals(TestFiles.sha256(src), TestFiles.sha256(dst));
        } finally {
            engine.transfers().removeListener(l);
        }
        assertTrue(progressCalls.get() < 500, "progress is coalesced, not per chunk: " + progressCalls.get());
    }

    @Test
    void limitsHoldForRealUploadsAndDownloads(@TempDir Path dir) throws Exception {
        Path src = TestFiles.random(dir, "limited.bin", 8_000_000, 3);
        engine.transfers().setUploadLimit(4_000_000);
        engine.transfers().setDownloadLimit(4_000_000);
        try {
            long start = System.nanoTime();
            engine.transfers().upload(src, "transfers", "limited.bin").await();
            double up = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            engine.transfers().download("transfers", "limited.bin", dir.resolve("limited.out")).await();
            double down = (System.nanoTime() - start) / 1e9;
            // 8 MB at 4 MB/s is 2 s, plus a few requests' overhead on a busy machine. A body read
            // twice (once more for signing) would be throttled twice and take 4 s or more. The
            // upload also hashes the file before it starts (the SHA-256 goes with
            // CreateMultipartUpload): ~0.5 s in a cold JVM, so its bound is looser.
            assertTrue(up > 1.8 && up < 3.9, "upload took " + up + " s");
            assertTrue(down > 1.8 && down < 3.4, "download took " + down + " s");
        } finally {
            engine.transfers().setUploadLimit(0);
            engine.transfers().setDownloadLimit(0);
        }
    }
}
