package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// Kills a child JVM mid-transfer (`destroyForcibly`, i.e. SIGKILL), then resumes from its
/// journal in this JVM and checks that only the missing work is redone and the result is intact.
class CrashResumeTest {
    static final long SIZE = 24 * EngineOptions.MIB + 4321;
    @TempDir
    static Path store;
    static S3ProxyServer server;
    static FaultProxy counter;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        counter = new FaultProxy(server.endpoint); // no faults: it only counts requests
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            e.createBucket("crash");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        counter.close();
        server.close();
    }

    @Test
    void uploadResumesFromStoredPartsAfterKill(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "upload.bin", SIZE, 11);
        Path journal = dir.resolve("journal.db");
        runChildAndKill("upload", journal, file, "up.bin", SIZE * 7 / 10); // parts 1-2 stored, 3-4 in flight

        counter.clear();
        try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(counter.uri()),
                S3ProxyServer.fastOptions().journal(journal).build())) {
            assertEquals(1, engine.incompleteUploads("crash", "").size(), "the killed upload is still open");
            List<Transfer> resumed = engine.transfers().resumeUnfinished();
            assertEquals(1, resumed.size());
            resumed.getFirst().await();
            assertEquals(TestFiles.sha256(file), engine.head("crash", "up.bin").sha256().orElseThrow());
            assertTrue(engine.incompleteUploads("crash", "").isEmpty());
        }
        long partsSent = counter.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).count();
        assertTrue(counter.requests.stream().anyMatch(l -> l.startsWith("GET ") && l.contains("uploadId=")),
                "stored parts were confirmed with ListParts: " + counter.requests);
        assertTrue(partsSent >= 1 && partsSent < 5, "only missing parts were sent again, got " + partsSent);
    }

    @Test
    void downloadResumesFromWrittenRangesAfterKill(@TempDir Path dir) throws Exception {
        Path file = uploadAndKillItsDownload(dir, "down.bin", 12);
        Path target = dir.resolve("out/down.bin");
        assertTrue(Files.exists(dir.resolve("out/down.bin.part")), "the partial download stays as .part");
        assertFalse(Files.exists(target));

        // The same request again resumes it, as the CLI does when a cp is repeated.
        resume(dir, "down.bin", S3ProxyServer.fastOptions());
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(target));
        assertFalse(Files.exists(dir.resolve("out/down.bin.part")));
        long ranges = counter.requests.stream().filter(l -> l.startsWith("GET ")).count();
        assertTrue(ranges < 20, "only missing ranges were fetched again (25 in all), got " + ranges);
    }

    @Test
    void aResumeWithAnotherRangeSizeStartsOverInsteadOfTrustingMisalignedRanges(@TempDir Path dir) throws Exception {
        Path file = uploadAndKillItsDownload(dir, "resize.bin", 13); // 1 MiB ranges journalled
        resume(dir, "resize.bin", S3ProxyServer.fastOptions().rangeSize(2 * EngineOptions.MIB));
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(dir.resolve("out/resize.bin")));
        // One fresh pass of 2 MiB ranges. Walking 1 MiB entries on a 2 MiB grid left gaps the
        // in-order hash could not pass, and the download failed.
        long gets = counter.requests.stream().filter(l -> l.startsWith("GET ")).count();
        assertEquals((SIZE + 2 * EngineOptions.MIB - 1) / (2 * EngineOptions.MIB), gets, counter.requests.toString());
    }

    @Test
    void aPartFileCutShortBelowItsJournalledPiecesIsFetchedAgain(@TempDir Path dir) throws Exception {
        // As a power cut can leave it: pieces are not forced before they are journalled when a
        // SHA-256 checks the result, so the file may have lost its tail.
        // Worst case: every piece journalled (only the rename was missing), so no new write can
        // extend the file again and fill the gap with zeros that the SHA-256 would catch.
        Path file = uploadAndKillItsDownload(dir, "cut.bin", 14);
        try (var journal = new dev.rackside.s3.internal.Journal(java.util.Optional.of(dir.resolve("journal.db")))) {
            String id = journal.all().getFirst().id();
            List<long[]> all = new java.util.ArrayList<>();
            for (long start = 0; start < SIZE; start += EngineOptions.MIB) {
                all.add(new long[] {start, Math.min(SIZE, start + EngineOptions.MIB)});
            }
            journal.addRanges(id, all);
        }
        Path part = dir.resolve("out/cut.bin.part");
        try (var ch = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(EngineOptions.MIB / 2);
        }
        resume(dir, "cut.bin", S3ProxyServer.fastOptions());
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(dir.resolve("out/cut.bin")));
    }

    /// Uploads a random file as `key`, then kills a child process downloading it to `dir/out/key`
    /// (journal `dir/journal.db`) two fifths of the way; returns the source file.
    private static Path uploadAndKillItsDownload(Path dir, String key, long seed) throws Exception {
        Path file = TestFiles.random(dir, "source-" + key, SIZE, seed);
        try (S3Engine engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            engine.transfers().upload(file, "crash", key).await();
        }
        runChildAndKill("download", dir.resolve("journal.db"), dir.resolve("out").resolve(key), key, SIZE * 2 / 5);
        return file;
    }

    /// Downloads `key` again through the counting proxy with the killed run's journal.
    private static void resume(Path dir, String key, EngineOptions.Builder options) throws Exception {
        counter.clear();
        try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(counter.uri()),
                options.journal(dir.resolve("journal.db")).build())) {
            engine.transfers().download("crash", key, dir.resolve("out").resolve(key)).await();
        }
    }

    private static void runChildAndKill(String mode, Path journal, Path local, String key, long killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                mode, server.endpoint.toString(), journal.toString(), local.toString(), "crash", key,
                Long.toString(6_000_000)).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("PROGRESS ") && Long.parseLong(line.substring(9)) >= killAfter) {
                    break;
                }
                assertFalse(line.equals("DONE"), "the child finished before it could be killed");
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
    }
}
