package dev.rackside.s3;

import dev.rackside.s3.FaultProxy.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// Retries, backoff and integrity against a proxy that misbehaves in front of a real S3 server.
class FaultInjectionTest {
    @TempDir
    static Path store;
    static S3ProxyServer server;
    static FaultProxy proxy;
    static S3Engine engine;
    static Path src;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        server = S3ProxyServer.onDisk(store);
        proxy = new FaultProxy(server.endpoint);
        engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions().maxAttempts(4)
                .requestTimeout(Duration.ofSeconds(1)).build());
        engine.createBucket("faults");
        src = TestFiles.random(dir, "src.bin", 11 * EngineOptions.MIB, 7);
        engine.transfers().upload(src, "faults", "clean.bin").await();
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        proxy.close();
        server.close();
    }

    @AfterEach
    void clear() {
        proxy.clear();
    }

    static boolean partUpload(String line) {
        return line.startsWith("PUT ") && line.contains("partNumber=");
    }

    static boolean get(String line) {
        return line.startsWith("GET ") && line.contains("/faults/clean.bin");
    }

    @Test
    void aMultipartUploadStoresItsSha256WithoutCopyingTheObject() throws Exception {
        engine.transfers().upload(src, "faults", "nocopy.bin").await();
        assertEquals(TestFiles.sha256(src), engine.head("faults", "nocopy.bin").sha256().orElseThrow());
        // A CopyObject is a PUT on the key itself; the SHA-256 must travel with CreateMultipartUpload.
        assertEquals(0, proxy.requests.stream().filter(l -> l.startsWith("PUT ") && !l.contains("partNumber=")).count(),
                proxy.requests.toString());
    }

    @Test
    void uploadSurvives500SlowDownDroppedConnectionsAndACorruptedBody() throws Exception {
        proxy.inject(FaultInjectionTest::partUpload, Kind.ERROR_500, 1)
                .inject(FaultInjectionTest::partUpload, Kind.SLOW_DOWN, 1)
                .inject(FaultInjectionTest::partUpload, Kind.DROP, 1)
                .inject(FaultInjectionTest::partUpload, Kind.FLIP_REQUEST, 1);
        engine.transfers().upload(src, "faults", "up.bin").await();
        assertEquals(4, proxy.injected.get());
        assertEquals(TestFiles.sha256(src), engine.head("faults", "up.bin").sha256().orElseThrow());
    }

    @Test
    void downloadSurvivesDropsDelaysAndTruncatedBodies(@TempDir Path dir) throws Exception {
        proxy.inject(FaultInjectionTest::get, Kind.DROP, 1)
                .inject(FaultInjectionTest::get, Kind.DROP_MID_BODY, 2)
                .inject(FaultInjectionTest::get, Kind.DELAY, 1)
                .inject(FaultInjectionTest::get, Kind.ERROR_500, 1);
        Path out = dir.resolve("down.bin");
        engine.transfers().download("faults", "clean.bin", out).await();
        assertEquals(5, proxy.injected.get());
        assertEquals(TestFiles.sha256(src), TestFiles.sha256(out));
    }

    @Test
    void aDroppedSpanIsResumedFromItsLastLandedPiece(@TempDir Path dir) throws Exception {
        // One request at a time: 1 MiB pieces in spans of two (11 MiB over 8 GETs per request slot).
        try (S3Engine one = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions().concurrency(1)
                .build())) {
            proxy.inject(FaultInjectionTest::get, Kind.DROP_MID_BODY, 1); // after the first of the span's two MiB
            Path out = dir.resolve("span.bin");
            one.transfers().download("faults", "clean.bin", out).await();
            assertEquals(TestFiles.sha256(src), TestFiles.sha256(out));
        }
        java.util.List<String> gets = java.util.stream.IntStream.range(0, proxy.requests.size())
                .filter(i -> get(proxy.requests.get(i))).mapToObj(proxy.ranges::get).toList();
        // The dropped GET was the first one, whichever span it asked for; its retry skips the landed MiB.
        long[] dropped = java.util.Arrays.stream(gets.getFirst().substring("bytes=".length()).split("-"))
                .mapToLong(Long::parseLong).toArray();
        assertEquals(2 * EngineOptions.MIB - 1, dropped[1] - dropped[0], gets.toString());
        assertTrue(gets.contains("bytes=" + (dropped[0] + EngineOptions.MIB) + "-" + dropped[1]), gets.toString());
        assertEquals(1, gets.stream().filter(g -> g.startsWith("bytes=" + dropped[0] + "-")).count(), gets.toString());
        assertEquals(6 + 1, gets.size(), gets.toString()); // six spans and the one retry
    }

    @Test
    void aThrottledGetMayOutlastTheRequestTimeout(@TempDir Path dir) throws Exception {
        // Each 1 MiB GET takes about a second at 1 MB/s; the request timeout (500 ms) bounds waiting
        // for an answer, not reading a body that keeps coming.
        // The same for a small object from a listing, which takes one lean GET (LeanObjects).
        Path small = TestFiles.random(dir, "slow.bin", 3 * EngineOptions.MIB, 9);
        Path one = TestFiles.random(dir.resolve("one"), "one.bin", EngineOptions.MIB, 10);
        engine.transfers().upload(small, "faults", "slow.bin").await();
        engine.transfers().upload(one, "faults", "slow-one/one.bin").await();
        proxy.clear();
        try (S3Engine slow = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions().concurrency(1)
                .requestTimeout(Duration.ofMillis(500)).downloadLimit(1_000_000).maxAttempts(1).build())) {
            Path out = dir.resolve("slow-out.bin");
            long start = System.nanoTime();
            slow.transfers().download("faults", "slow.bin", out).await();
            assertTrue(System.nanoTime() - start > 2_000_000_000L, "the limit held");
            assertEquals(TestFiles.sha256(small), TestFiles.sha256(out));
            for (Transfer t : slow.transfers().downloadFolder(slow, "faults", "slow-one/", dir.resolve("folder"), Encryption.none())) {
                t.await();
            }
            assertEquals(TestFiles.sha256(one), TestFiles.sha256(dir.resolve("folder/one.bin")));
        }
        assertEquals(3, proxy.requests.stream().filter(l -> l.startsWith("GET ") && l.contains("/slow.bin")).count(),
                proxy.requests.toString());
        assertEquals(1, proxy.requests.stream().filter(l -> l.startsWith("GET ") && l.contains("/slow-one/one.bin")).count(),
                proxy.requests.toString());
    }

    @Test
    void aServerThatIgnoresRangeIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        proxy.inject(FaultInjectionTest::get, Kind.IGNORE_RANGE, 10_000);
        Path out = dir.resolve("norange.bin");
        var e = assertThrows(S3EngineException.Unsupported.class,
                () -> engine.transfers().download("faults", "clean.bin", out).await());
        assertTrue(e.getMessage().contains("ranged downloads") && e.getMessage().contains("without a Content-Range"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFlippedByteIsDetectedAndTheDownloadRepeated(@TempDir Path dir) throws Exception {
        proxy.inject(FaultInjectionTest::get, Kind.FLIP_RESPONSE, 1);
        Path out = dir.resolve("flip.bin");
        engine.transfers().download("faults", "clean.bin", out).await();
        assertEquals(1, proxy.injected.get());
        assertEquals(TestFiles.sha256(src), TestFiles.sha256(out));
    }

    @Test
    void smallFilesSurviveDropsTimeoutsAndCorruptionBothWays(@TempDir Path dir) throws Exception {
        // Small files go through LeanObjects (one signed PUT, one listed GET), not the S3Client:
        // its timeouts, dropped connections and damaged bodies must be retried all the same.
        Path folder = dir.resolve("small");
        Path file = TestFiles.random(folder, "s.bin", 100_000, 9);
        proxy.inject(l -> l.startsWith("PUT ") && l.contains("/faults/small/s.bin"), Kind.DROP, 1)
                .inject(l -> l.startsWith("PUT ") && l.contains("/faults/small/s.bin"), Kind.FLIP_REQUEST, 1)
                .inject(l -> l.startsWith("PUT ") && l.contains("/faults/small/s.bin"), Kind.DELAY, 1);
        for (Transfer t : engine.transfers().uploadFolder(folder, "faults", "small/", Encryption.none())) {
            t.await();
        }
        assertEquals(3, proxy.injected.get());
        assertEquals(TestFiles.sha256(file), engine.head("faults", "small/s.bin").sha256().orElseThrow());

        proxy.clear();
        proxy.inject(l -> l.startsWith("GET ") && l.contains("/faults/small/s.bin"), Kind.DROP_MID_BODY, 1)
                .inject(l -> l.startsWith("GET ") && l.contains("/faults/small/s.bin"), Kind.FLIP_RESPONSE, 1)
                .inject(l -> l.startsWith("GET ") && l.contains("/faults/small/s.bin"), Kind.DELAY, 1);
        Path out = dir.resolve("out");
        for (Transfer t : engine.transfers().downloadFolder(engine, "faults", "small/", out, Encryption.none())) {
            t.await();
        }
        assertEquals(3, proxy.injected.get());
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(out.resolve("s.bin")));
    }

    @Test
    void garagesInvalidDigestIsRetriedLikeBadDigest(@TempDir Path dir) throws Exception {
        // Garage answers a body that does not match its Content-MD5 with 400 InvalidDigest.
        Path folder = dir.resolve("digest");
        Path file = TestFiles.random(folder, "d.bin", 50_000, 12);
        proxy.canned(l -> l.startsWith("PUT ") && l.contains("/faults/digest/d.bin"), 400, "",
                FaultProxy.s3Error("InvalidDigest", "MD5 checksum verification failed (from content-md5)"), 1);
        for (Transfer t : engine.transfers().uploadFolder(folder, "faults", "digest/", Encryption.none())) {
            t.await();
        }
        assertEquals(1, proxy.injected.get());
        assertEquals(TestFiles.sha256(file), engine.head("faults", "digest/d.bin").sha256().orElseThrow());
    }

    @Test
    void aKeyAlreadyGoneCountsAsDeleted() {
        // Garage lists a key it no longer has as a NoSuchKey error in a DeleteObjects answer.
        engine.putBytes("faults", "gone/kept.txt", new byte[]{1}, "text/plain", Encryption.none());
        proxy.canned(l -> l.startsWith("POST ") && l.contains("delete"), 200, "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult><Deleted><Key>gone/kept.txt</Key></Deleted>"
                        + "<Error><Key>gone/never.txt</Key><Code>NoSuchKey</Code><Message>Key not found</Message></Error>"
                        + "<Error><Key>gone/locked.txt</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                        + "</DeleteResult>", 1);
        DeleteResult r = engine.delete("faults", java.util.List.of("gone/kept.txt", "gone/never.txt", "gone/locked.txt"));
        assertEquals(java.util.List.of("gone/kept.txt", "gone/never.txt"), r.deleted());
        assertEquals(java.util.Set.of("gone/locked.txt"), r.failed().keySet());
    }

    @Test
    void persistentCorruptionFailsLoudlyAndLeavesNoFile(@TempDir Path dir) {
        proxy.inject(FaultInjectionTest::get, Kind.FLIP_RESPONSE, 10_000);
        Path out = dir.resolve("bad.bin");
        var e = assertThrows(S3EngineException.IntegrityFailed.class,
                () -> engine.transfers().download("faults", "clean.bin", out).await());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("bad.bin.part")));
    }

    @Test
    void aServerThatKeepsFailingGivesAClearErrorAfterTheLastTry() {
        proxy.inject(l -> l.startsWith("HEAD "), Kind.SLOW_DOWN, 10_000);
        var e = assertThrows(S3EngineException.ServiceFailure.class, () -> engine.head("faults", "clean.bin"));
        assertEquals(4, e.attempts());
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("after 4 tries"), e.getMessage());
    }
}
