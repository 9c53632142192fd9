package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// An object another tool uploaded in parts has neither Rackside's SHA-256 nor an MD5 ETag, so
/// before, its download was checked by size only. AWS keeps a full-object CRC64NVME for it (it
/// gives every new object one), returned to a HEAD that asks with `x-amz-checksum-mode`. S3Proxy
/// keeps none, so the loopback proxy adds the headers AWS sends.
class ServerChecksumDownloadTest {

    @Test
    void aMultipartObjectOfAnotherToolIsCheckedAgainstTheServersFullObjectChecksum(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestFiles.random(dir, "source.iso", 11 * EngineOptions.MIB + 17, 91));
        String crc = base64(TestFiles.crc64Nvme(bytes));
        byte[] other = bytes.clone();
        other[5 * 1024 * 1024 + 3] ^= 1;
        String wrong = base64(TestFiles.crc64Nvme(other));
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions().build())) {
            engine.createBucket("kept");
            uploadInParts(server, "kept", "other.iso", bytes);
            ObjectMetadata bare = engine.head("kept", "other.iso");
            assertTrue(bare.etag().endsWith("-3\""), "a multipart ETag, no MD5 to check");
            assertEquals(java.util.Optional.empty(), bare.checkedBy(), "S3Proxy keeps no checksum: size only");
            proxy.clear();

            proxy.addHeaders(l -> l.startsWith("HEAD /kept/other.iso"),
                    "x-amz-checksum-crc64nvme: " + crc + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 10);
            Path good = dir.resolve("good.iso");
            engine.transfers().download("kept", "other.iso", good).await();
            assertArrayEquals(bytes, Files.readAllBytes(good));
            ObjectMetadata kept = engine.head("kept", "other.iso");
            assertEquals(java.util.Optional.of("CRC64NVME"), kept.serverChecksum());
            assertEquals(java.util.Optional.of("CRC64NVME"), kept.checkedBy(), "what the browser shows");
            List<String> heads = proxy.heads.stream().filter(h -> h.startsWith("HEAD /kept/other.iso")).toList();
            assertFalse(heads.isEmpty(), proxy.requests.toString());
            heads.forEach(h -> assertTrue(h.toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum-mode: enabled"), h));

            // The same bytes, but the server's checksum says otherwise: the download fails and leaves nothing.
            proxy.clear();
            proxy.addHeaders(l -> l.startsWith("HEAD /kept/other.iso"),
                    "x-amz-checksum-crc64nvme: " + wrong + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 10);
            Path bad = dir.resolve("bad.iso");
            S3EngineException.IntegrityFailed failed = assertThrows(S3EngineException.IntegrityFailed.class,
                    () -> engine.transfers().download("kept", "other.iso", bad).await());
            assertTrue(failed.getMessage().contains("CRC64NVME expected " + wrong + " but got " + crc), failed.getMessage());
            assertFalse(Files.exists(bad));
            assertFalse(Files.exists(dir.resolve("bad.iso.part")));

            // One bodiless 400 to a HEAD that asks for the checksum: asked again without, and the
            // next HEAD still asks (one refusal may be a passing 400; B2's refuse every time).
            proxy.clear();
            proxy.canned(l -> l.startsWith("HEAD /kept/other.iso"), 400, "", "", 1);
            engine.transfers().download("kept", "other.iso", dir.resolve("after-400.iso")).await();
            List<String> asked = proxy.heads.stream().filter(h -> h.startsWith("HEAD ")).map(h -> h.toLowerCase(Locale.ROOT)
                    .contains("\r\nx-amz-checksum-mode: enabled") ? "with" : "without").toList();
            assertEquals(List.of("with", "without"), asked, "the refused HEAD, then the same without the header");
            engine.head("kept", "other.iso");
            assertTrue(proxy.heads.getLast().toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum-mode: enabled"),
                    proxy.heads.getLast());

            // A 403 to the HEAD that asks (AWS wants kms:Decrypt for an SSE-KMS object's checksum):
            // asked again without, and it counts as no refusal: two of them leave the next HEAD asking.
            for (int i = 0; i < 2; i++) {
                proxy.clear();
                proxy.canned(l -> l.startsWith("HEAD /kept/other.iso"), 403, "", "", 1);
                assertEquals(bare.etag(), engine.head("kept", "other.iso").etag());
            }
            engine.head("kept", "other.iso");
            assertTrue(proxy.heads.getLast().toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum-mode: enabled"),
                    proxy.heads.getLast());

            // A single-part object whose stored checksum is wrong while its MD5 ETag is right, as
            // MinIO with compression stores copies: the MD5 overrules it.
            try (S3Client raw = raw(server)) {
                raw.putObject(b -> b.bucket("kept").key("plain.bin"), RequestBody.fromBytes(bytes));
            }
            proxy.clear();
            proxy.addHeaders(l -> l.startsWith("HEAD /kept/plain.bin"),
                    "x-amz-checksum-crc64nvme: " + wrong + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 10);
            engine.transfers().download("kept", "plain.bin", dir.resolve("plain.bin")).await();
            assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("plain.bin")));

            // A composite checksum (of the parts' checksums) says nothing about the bytes alone: not compared.
            proxy.clear();
            proxy.addHeaders(l -> l.startsWith("HEAD /kept/other.iso"),
                    "x-amz-checksum-crc32c: AAAAAA==-3\r\nx-amz-checksum-type: COMPOSITE\r\n", 10);
            Path composite = dir.resolve("composite.iso");
            engine.transfers().download("kept", "other.iso", composite).await();
            assertArrayEquals(bytes, Files.readAllBytes(composite));
        }
    }

    private static String base64(long crc) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(crc).array());
    }

    private static S3Client raw(S3ProxyServer server) {
        return server.raw();
    }

    /// Uploads as another tool would: parts of 5 MiB, no Rackside metadata, no checksums.
    private static void uploadInParts(S3ProxyServer server, String bucket, String key, byte[] bytes) {
        try (S3Client raw = raw(server)) {
            String id = raw.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            int size = 5 * 1024 * 1024;
            for (int n = 1, from = 0; from < bytes.length; n++, from += size) {
                int number = n;
                byte[] part = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size));
                String etag = raw.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number),
                        RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            raw.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
        }
    }
}
