package dev.rackside.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Client-side encrypted transfers after the engine stopped: the journal keeps no key, so they come
/// back only when the caller gives the key again, and never as plaintext; and an upload resumed
/// with another encryption starts over instead of mixing ciphertext and plaintext parts.
class ClientSideResumeTest {
    static final ClientSideKey KEY = ClientSideKey.generate();
    @TempDir
    static Path store;
    static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            e.createBucket("sealed");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void queuedEncryptedUploadsResumeOnlyWithTheirKey(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("secrets");
        for (int i = 0; i < 3; i++) {
            TestFiles.random(folder, "s" + i + ".bin", 96 * 1024, 40 + i);
        }
        Path journal = dir.resolve("journal.db");
        // One file at a time at 32 KiB/s: when the engine stops, one is in flight and two wait.
        try (S3Engine first = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().concurrency(1)
                .uploadLimit(32 * 1024).journal(journal).build())) {
            first.transfers().uploadFolder(folder, "sealed", "q/", Encryption.none(), Optional.of(KEY));
            Thread.sleep(300);
        }
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            assertEquals(List.of(), second.transfers().resumeUnfinished(), "without the key nothing is resumed (or sent in clear)");
        }
        try (S3Engine third = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            List<Transfer> back = third.transfers().resumeUnfinished(Optional.of(KEY));
            assertEquals(3, back.stream().map(Transfer::id).distinct().count(), "each file once, with the key: " + back.size());
            assertEquals(back.size(), back.stream().map(Transfer::id).distinct().count(), "no file twice");
            for (Transfer t : back) {
                t.completion().get(60, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 3; i++) {
                String key = "q/s" + i + ".bin";
                ObjectMetadata meta = third.head("sealed", key);
                assertEquals("RKS3-AES256GCM-v1", meta.userMetadata().get("rackside-cse"), key + " is stored encrypted");
                String plainSha = TestFiles.sha256(folder.resolve("s" + i + ".bin"));
                assertTrue(meta.sha256().orElseThrow().startsWith("hmac-") && !meta.sha256().get().contains(plainSha),
                        "the server does not get the plaintext's SHA-256: " + meta.sha256());
                Path out = dir.resolve("back/s" + i + ".bin");
                third.transfers().submit(new TransferRequest.Download("sealed", key, out, Encryption.none(), Optional.of(KEY)))
                        .completion().get(30, TimeUnit.SECONDS);
                assertEquals(TestFiles.sha256(folder.resolve("s" + i + ".bin")), TestFiles.sha256(out));
            }
        }
    }

    @Test
    void anEncryptedUploadResumedWithoutTheKeyStartsOver(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "mixed.bin", 12 * EngineOptions.MIB, 44);
        Path journal = dir.resolve("journal.db");
        interrupted(journal, new TransferRequest.Upload(f, "sealed", "mixed.bin", Encryption.none(), Optional.of(KEY)),
                6 * EngineOptions.MIB);
        // The same file again, now in clear (the operator switched the endpoint's encryption off).
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            second.transfers().upload(f, "sealed", "mixed.bin").completion().get(60, TimeUnit.SECONDS);
            ObjectMetadata meta = second.head("sealed", "mixed.bin");
            assertFalse(meta.userMetadata().containsKey("rackside-cse"), meta.userMetadata().toString());
            assertEquals(java.nio.file.Files.size(f), meta.size(), "no encrypted parts were kept");
            Path out = dir.resolve("mixed.out");
            second.transfers().download("sealed", "mixed.bin", out).completion().get(30, TimeUnit.SECONDS);
            assertEquals(TestFiles.sha256(f), TestFiles.sha256(out));
        }
    }

    @Test
    void anEncryptedUploadResumedWithAReplacedKeyStartsOverUnderTheNewKey(@TempDir Path dir) throws Exception {
        // Stopped before any part was stored, and after the short last part was (the parts share
        // the 4 MB/s, so the 2 MiB one is stored long before 11 MiB have gone).
        for (long stopAt : new long[] {EngineOptions.MIB, 11 * EngineOptions.MIB}) {
            String name = "rekeyed-" + stopAt + ".bin";
            Path f = TestFiles.random(dir, name, 12 * EngineOptions.MIB, 48);
            Path journal = dir.resolve(stopAt + ".db");
            interrupted(journal, new TransferRequest.Upload(f, "sealed", name, Encryption.none(), Optional.of(KEY)), stopAt);
            // The operator made a new key for the endpoint before the upload came back.
            ClientSideKey replaced = ClientSideKey.generate();
            try (FaultProxy wire = new FaultProxy(server.endpoint);
                 S3Engine second = S3Engine.open(S3ProxyServer.endpoint(wire.uri()), S3ProxyServer.fastOptions()
                         .journal(journal).build())) {
                String oldUpload = second.incompleteUploads("sealed", name).getFirst().uploadId();
                List<Transfer> back = second.transfers().resumeUnfinished(Optional.of(replaced), true);
                assertEquals(1, back.size());
                back.getFirst().completion().get(60, TimeUnit.SECONDS);
                List<String> parts = wire.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).toList();
                assertEquals(3, parts.size(), "each part sent once, none into the old key's upload: " + parts);
                assertTrue(parts.stream().noneMatch(l -> l.contains(oldUpload)), parts.toString());
                Path out = dir.resolve(name + ".out");
                second.transfers().submit(new TransferRequest.Download("sealed", name, out, Encryption.none(),
                        Optional.of(replaced))).completion().get(30, TimeUnit.SECONDS);
                assertEquals(TestFiles.sha256(f), TestFiles.sha256(out), "every part is sealed under the new key");
                assertEquals(List.of(), second.incompleteUploads("sealed", name), "the old key's parts were aborted");
            }
        }
    }

    @Test
    void keysReadBackFromTheirTextAndRefuseAnythingElse() {
        ClientSideKey k = ClientSideKey.generate();
        String text = k.toText();
        assertEquals(44, text.length());
        assertEquals(k, ClientSideKey.fromText(" " + text.substring(0, 20) + "\n" + text.substring(20) + " "));
        for (String bad : List.of("", "hunter2", text.substring(1), text + "AAAA")) {
            var e = assertThrows(IllegalArgumentException.class, () -> ClientSideKey.fromText(bad), bad);
            assertTrue(e.getMessage().startsWith("This is not a Rackside client-side key"), e.getMessage());
        }
    }

    @Test
    void anUploadStartedInClearResumesEncryptedOnceTheEndpointEncrypts(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "late.bin", 12 * EngineOptions.MIB, 45);
        Path journal = dir.resolve("journal.db");
        interrupted(journal, new TransferRequest.Upload(f, "sealed", "late.bin", Encryption.none(), Optional.empty()),
                6 * EngineOptions.MIB);
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            assertEquals(List.of(), second.transfers().resumeUnfinished(Optional.empty(), true),
                    "to be encrypted but no key: it waits in the journal");
        }
        try (S3Engine third = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            List<Transfer> back = third.transfers().resumeUnfinished(Optional.of(KEY), true);
            assertEquals(1, back.size());
            back.getFirst().completion().get(60, TimeUnit.SECONDS);
            assertTrue(third.head("sealed", "late.bin").clientSideEncrypted(), "no plaintext part was kept");
            Path out = dir.resolve("late.out");
            third.transfers().submit(new TransferRequest.Download("sealed", "late.bin", out, Encryption.none(), Optional.of(KEY)))
                    .completion().get(30, TimeUnit.SECONDS);
            assertEquals(TestFiles.sha256(f), TestFiles.sha256(out));
        }
    }

    @Test
    void theSameFileAskedAgainWithOtherEncryptionWhileUnfinishedIsRefused(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "twice.bin", 8 * EngineOptions.MIB, 46);
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().uploadLimit(2_000_000).build())) {
            Transfer plain = e.transfers().upload(f, "sealed", "twice.bin");
            plain.pause();
            Transfer sealedAgain = e.transfers().submit(new TransferRequest.Upload(f, "sealed", "twice.bin", Encryption.none(),
                    Optional.of(KEY)));
            var failure = assertThrows(S3EngineException.class, sealedAgain::await);
            assertTrue(failure.getMessage().contains("already queued, running or paused with other encryption"), failure.getMessage());
            assertTrue(plain.id() != null && !plain.id().equals(sealedAgain.id()), "they share no journal entry");
            plain.cancel();
        }
    }

    @Test
    void anInterruptedDownloadComesBackOnceWithTheKey(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "plain-big.bin", 12 * EngineOptions.MIB, 47);
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            e.transfers().upload(f, "sealed", "plain-big.bin").await();
        }
        Path journal = dir.resolve("journal.db");
        Path out = dir.resolve("plain-big.out");
        interrupted(journal, new TransferRequest.Download("sealed", "plain-big.bin", out, Encryption.none(), Optional.of(KEY)),
                4 * EngineOptions.MIB);
        try (S3Engine second = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().journal(journal).build())) {
            List<Transfer> back = second.transfers().resumeUnfinished(Optional.of(KEY));
            assertEquals(1, back.size(), "journalled both in flight and queued, resumed once");
            back.getFirst().completion().get(60, TimeUnit.SECONDS);
            assertEquals(TestFiles.sha256(f), TestFiles.sha256(out));
        }
    }

    /// Runs `request` at 4 MB/s with `journal` until `stopAt` bytes have gone (or 20 s), then
    /// closes the engine under it, as a quit app would, leaving the transfer journalled.
    static void interrupted(Path journal, TransferRequest request, long stopAt) throws InterruptedException {
        try (S3Engine first = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().uploadLimit(4_000_000)
                .downloadLimit(4_000_000).journal(journal).build())) {
            Transfer t = first.transfers().submit(request);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (t.progress().transferredBytes() < stopAt && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }
}
