package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// A server that refuses S3's checksum headers as Backblaze B2 does (400 InvalidArgument
/// "Unsupported header 'x-amz-checksum-…' received for this API call"): uploads and downloads
/// still work, verified by Content-MD5 per part and the stored SHA-256, and the engine stops
/// sending those headers after the first refusal.
class ChecksumHeadersRefusedTest {

    @Test
    void filesGoUpAndComeBackIdenticalWithoutChecksumHeaders(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("isos"));
        Path big = TestFiles.random(folder, "big.iso", 12 * EngineOptions.MIB, 71);
        for (int i = 0; i < 3; i++) {
            TestFiles.random(folder, "small-" + i + ".txt", 40_000 + i, 72 + i);
        }
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy b2 = new FaultProxy(server.endpoint).refuseHeaders("x-amz-checksum", "x-amz-sdk-checksum");
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(b2.uri()), S3ProxyServer.fastOptions().build())) {
            engine.createBucket("b2like");
            // One part of the big file damaged on the way: Content-MD5 must catch it as CRC32C did.
            b2.inject(l -> l.startsWith("PUT ") && l.contains("partNumber=2"), FaultProxy.Kind.FLIP_REQUEST, 1);
            for (Transfer t : engine.transfers().uploadFolder(folder, "b2like", "isos/", Encryption.none())) {
                t.await();
            }
            assertEquals(1, b2.injected.get());
            assertEquals(TestFiles.sha256(big), engine.head("b2like", "isos/big.iso").sha256().orElseThrow());

            Path back = Files.createDirectories(dir.resolve("back"));
            for (Transfer t : engine.transfers().downloadFolder(engine, "b2like", "isos/", back, Encryption.none())) {
                t.await();
            }
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    assertEquals(TestFiles.sha256(f), TestFiles.sha256(back.resolve(f.getFileName())), f.toString());
                }
            }

            List<String> parts = b2.heads.stream().filter(h -> h.startsWith("PUT ") && h.contains("partNumber=")).toList();
            assertTrue(parts.size() >= 3, parts.toString());
            parts.forEach(h -> assertTrue(h.toLowerCase(Locale.ROOT).contains("\r\ncontent-md5: ")
                    && !h.toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum"), h));

            // Learnt once: nothing later asks again (the first GETs went out side by side).
            b2.clear();
            Path again = Files.createDirectories(dir.resolve("again"));
            for (Transfer t : engine.transfers().downloadFolder(engine, "b2like", "isos/", again, Encryption.none())) {
                t.await();
            }
            engine.transfers().upload(big, "b2like", "isos/big-2.iso").await();
            assertEquals(TestFiles.sha256(big), TestFiles.sha256(again.resolve("big.iso")));
            List<String> asked = b2.heads.stream().filter(h -> h.toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum"))
                    .map(h -> h.substring(0, h.indexOf("\r\n"))).toList();
            // The HEADs stopped asking for the checksum after two refusals (the engine.head above, the first download).
            assertEquals(List.of(), asked);
            // The lean GETs of the small files name themselves (an empty User-Agent upsets some proxies).
            List<String> small = b2.heads.stream().filter(h -> h.startsWith("GET /b2like/isos/small-")).toList();
            assertEquals(3, small.size(), b2.requests.toString());
            small.forEach(h -> assertTrue(h.contains("\r\nUser-Agent: rackside-s3 (lean; "), h));
            assertTrue(b2.requests.size() >= 8, b2.requests.toString());

            // DeleteObjects always carries a CRC32 header from the SDK: refused, so one DeleteObject per key.
            DeleteResult one = engine.delete("b2like", List.of("isos/small-0.txt"));
            assertEquals(List.of("isos/small-0.txt"), one.deleted(), one.failed().toString());
            DeleteResult rest = engine.deletePrefix("b2like", "isos/");
            assertTrue(rest.failed().isEmpty(), rest.failed().toString());
            assertEquals(4, rest.deleted().size(), rest.deleted().toString());
            assertEquals(0, engine.objects("b2like", "isos/").count());
            assertEquals(1, b2.requests.stream().filter(l -> l.startsWith("POST ") && l.contains("?delete")).count(),
                    "asked once, then not again: " + b2.requests);
            // Tag edits have no such way round: said plainly.
            engine.putBytes("b2like", "t.txt", new byte[] {1}, "text/plain", Encryption.none());
            var e = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.Unsupported.class,
                    () -> engine.setTags("b2like", "t.txt", java.util.Map.of("a", "b")));
            assertTrue(e.getMessage().startsWith("This server does not support object tags: it refuses the checksum header"),
                    e.getMessage());
        }
    }
}
