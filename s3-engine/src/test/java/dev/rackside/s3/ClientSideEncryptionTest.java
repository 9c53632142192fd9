package dev.rackside.s3;

import dev.rackside.s3.FaultProxy.Kind;
import dev.rackside.s3.internal.ChunkedAead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// Client-side AES-256-GCM: the server only ever sees ciphertext.
class ClientSideEncryptionTest {
    @TempDir
    static Path store;
    static S3ProxyServer server;
    static FaultProxy proxy;
    static S3Engine engine;
    static final ClientSideKey KEY = key();

    static ClientSideKey key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new ClientSideKey(k);
    }

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        proxy = new FaultProxy(server.endpoint);
        engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions().build());
        engine.createBucket("cse");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        proxy.close();
        server.close();
    }

    static Transfer up(Path file, String key, ClientSideKey k) {
        return engine.transfers().submit(new TransferRequest.Upload(file, "cse", key, Encryption.none(), Optional.of(k)));
    }

    static Transfer down(String key, Path file, ClientSideKey k) {
        return engine.transfers().submit(new TransferRequest.Download("cse", key, file, Encryption.none(), Optional.ofNullable(k)));
    }

    static byte[] raw(String key) throws Exception {
        var url = engine.presignGet("cse", key, Duration.ofMinutes(1)).toURI();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void smallAndMultipartObjectsRoundTripAndAreStoredAsCiphertext(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "the root password is hunter2\n".repeat(1000));
        Path big = TestFiles.random(dir, "big.bin", 7 * EngineOptions.MIB + 5, 31);
        up(text, "notes.txt", KEY).await();
        up(big, "big.bin", KEY).await();

        byte[] stored = raw("notes.txt");
        assertEquals(ChunkedAead.encryptedLength(Files.size(text)), stored.length);
        assertEquals("RKS3", new String(stored, 0, 4, StandardCharsets.US_ASCII));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("hunter2"), "no plaintext on the server");
        assertEquals(ChunkedAead.encryptedLength(Files.size(big)), engine.head("cse", "big.bin").size());

        down("notes.txt", dir.resolve("notes.out"), KEY).await();
        down("big.bin", dir.resolve("big.out"), KEY).await();
        assertEquals(Files.readString(text), Files.readString(dir.resolve("notes.out")));
        assertEquals(TestFiles.sha256(big), TestFiles.sha256(dir.resolve("big.out")));
    }

    @Test
    void withoutOrWithAWrongKeyNothingIsWritten(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "k.bin", 200_000, 32);
        up(f, "k.bin", KEY).await();
        var none = assertThrows(S3EngineException.Misconfigured.class, () -> down("k.bin", dir.resolve("none"), null).await());
        assertTrue(none.getMessage().contains("Provide its key"), none.getMessage());
        var wrong = assertThrows(S3EngineException.Misconfigured.class, () -> down("k.bin", dir.resolve("wrong"), key()).await());
        assertTrue(wrong.getMessage().contains("does not open"), wrong.getMessage());
        assertFalse(Files.exists(dir.resolve("wrong")) || Files.exists(dir.resolve("wrong.part")));
    }

    @Test
    void anAlteredChunkIsCaughtByItsTagAndFetchedAgain(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "t.bin", 3 * EngineOptions.MIB, 33);
        up(f, "t.bin", KEY).await();
        java.util.function.Predicate<String> get = l -> l.startsWith("GET ") && l.contains("/cse/t.bin");
        // The header probe, its second try, then a data range: damage the first and the third.
        proxy.inject(get, Kind.FLIP_RESPONSE, 1).inject(get, Kind.PASS, 1).inject(get, Kind.FLIP_RESPONSE, 1);
        long gets;
        try {
            down("t.bin", dir.resolve("t.out"), KEY).await();
            gets = proxy.requests.stream().filter(get).count();
            assertEquals(3, proxy.injected.get());
        } finally {
            proxy.clear();
        }
        // 2 probes + 3 ranges + 1 range again: the tag caught it, no whole-file redo was needed.
        assertEquals(6, gets);
        assertEquals(TestFiles.sha256(f), TestFiles.sha256(dir.resolve("t.out")));
    }

    @Test
    void aPausedEncryptedUploadResumesWithTheSameNonces(@TempDir Path dir) throws Exception {
        Path f = TestFiles.random(dir, "r.bin", 16 * EngineOptions.MIB, 34);
        engine.transfers().setUploadLimit(6_000_000);
        Transfer t = up(f, "r.bin", KEY);
        while (t.progress().transferredBytes() < 11 * EngineOptions.MIB) {
            Thread.sleep(10);
        }
        t.pause();
        Thread.sleep(200);
        engine.transfers().setUploadLimit(0);
        t.resume();
        t.await();
        down("r.bin", dir.resolve("r.out"), KEY).await();
        assertEquals(TestFiles.sha256(f), TestFiles.sha256(dir.resolve("r.out")));
    }

    @Test
    void partsEncryptedSeparatelyConcatenateToTheWhole() {
        byte[] plain = new byte[3 * ChunkedAead.CHUNK + 17];
        new SecureRandom().nextBytes(plain);
        ChunkedAead aead = ChunkedAead.forNewUpload(KEY, plain.length);
        byte[] whole = aead.encrypt(0, plain);
        byte[] first = aead.encrypt(0, Arrays.copyOf(plain, 2 * ChunkedAead.CHUNK));
        byte[] second = aead.encrypt(2L * ChunkedAead.CHUNK, Arrays.copyOfRange(plain, 2 * ChunkedAead.CHUNK, plain.length));
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        assertArrayEquals(whole, joined);
        assertEquals(ChunkedAead.encryptedLength(plain.length), whole.length);
        ChunkedAead reader = ChunkedAead.fromHeader(KEY, Arrays.copyOf(whole, ChunkedAead.HEADER), "x");
        byte[] body = Arrays.copyOfRange(whole, ChunkedAead.HEADER, whole.length);
        assertArrayEquals(plain, reader.decrypt(0, body, body.length, "x"));
    }
}
