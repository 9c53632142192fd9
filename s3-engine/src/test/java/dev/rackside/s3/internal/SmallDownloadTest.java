package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.FaultProxy;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TestFiles;
import dev.rackside.s3.TransferRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/// A small download through the S3Client (the path AWS itself takes: no endpoint override, no lean
/// requests) asks for the server's checksum and checks it, CRC64NVME included, which the SDK skips
/// without AWS's CRT library.
class SmallDownloadTest {

    @Test
    void theS3ClientPathAsksForTheServersChecksumAndChecksIt(@TempDir Path dir) throws Exception {
        S3Proxy server = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "id", "secret").ignoreUnknownHeaders(true).build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(5);
        }
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        String crc = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(TestFiles.crc64Nvme(data)).array());
        data[0] ^= 1;
        String wrong = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(TestFiles.crc64Nvme(data)).array());
        data[0] ^= 1;
        EngineOptions options = EngineOptions.builder().build();
        try (FaultProxy proxy = new FaultProxy(URI.create("http://127.0.0.1:" + server.getPort()));
             Clients clients = new Clients(S3Endpoint.builder("t").endpoint(proxy.uri()).pathStyle(true)
                     .staticKeys("id", "secret").build(), options)) {
            S3Client s3 = clients.s3();
            s3.createBucket(b -> b.bucket("sdk"));
            // One part of a multipart upload: an "md5-1" ETag, so no MD5 to check it by.
            String id = s3.createMultipartUpload(b -> b.bucket("sdk").key("one-part.bin")).uploadId();
            String part = s3.uploadPart(b -> b.bucket("sdk").key("one-part.bin").uploadId(id).partNumber(1),
                    RequestBody.fromBytes(data)).eTag();
            String etag = s3.completeMultipartUpload(b -> b.bucket("sdk").key("one-part.bin").uploadId(id)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))).eTag();
            ObjectInfo listed = new ObjectInfo("one-part.bin", data.length, null, etag, "STANDARD");
            SmallDownload small = new SmallDownload(s3, null, new GetTries(new Retrier(options, "us-east-1"),
                    new ResizableSemaphore(4), new Throttle(0, null, Clock.systemUTC(), l -> l.download())));

            proxy.addHeaders(l -> l.startsWith("GET /sdk/one-part.bin"),
                    "x-amz-checksum-crc64nvme: " + wrong + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 1);
            Path bad = dir.resolve("bad.bin");
            S3EngineException.IntegrityFailed failed = assertThrows(S3EngineException.IntegrityFailed.class,
                    () -> small.run(task(bad, listed)));
            assertTrue(failed.getMessage().contains("CRC64NVME"), failed.getMessage());
            assertFalse(Files.exists(bad));
            List<String> gets = proxy.heads.stream().filter(h -> h.startsWith("GET /sdk/one-part.bin")).toList();
            assertTrue(gets.getLast().toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum-mode: enabled"), gets.getLast());

            proxy.addHeaders(l -> l.startsWith("GET /sdk/one-part.bin"),
                    "x-amz-checksum-crc64nvme: " + crc + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 1);
            Path good = dir.resolve("good.bin");
            assertTrue(small.run(task(good, listed)));
            assertArrayEquals(data, Files.readAllBytes(good));

            // A CRC32 is checked here too: the S3Client would check it only on reading past the end.
            CRC32 crc32 = new CRC32();
            crc32.update(data, 1, data.length - 1);
            proxy.addHeaders(l -> l.startsWith("GET /sdk/one-part.bin"), "x-amz-checksum-crc32: "
                    + Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc32.getValue()).array())
                    + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 1);
            Path crc32Bad = dir.resolve("crc32.bin");
            failed = assertThrows(S3EngineException.IntegrityFailed.class, () -> small.run(task(crc32Bad, listed)));
            assertTrue(failed.getMessage().contains("CRC32 expected"), failed.getMessage());

            // A plain upload's wrong stored checksum (MinIO's compressed copies) is overruled by its MD5 ETag.
            String plainEtag = s3.putObject(b -> b.bucket("sdk").key("plain.bin"), RequestBody.fromBytes(data)).eTag();
            ObjectInfo plain = new ObjectInfo("plain.bin", data.length, null, plainEtag, "STANDARD");
            proxy.addHeaders(l -> l.startsWith("GET /sdk/plain.bin"),
                    "x-amz-checksum-crc64nvme: " + wrong + "\r\nx-amz-checksum-type: FULL_OBJECT\r\n", 1);
            assertTrue(small.run(task(dir.resolve("plain.bin"), plain)));
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("plain.bin")));
        }
        // A server that refuses the header as B2 does: asked again without, and not asked again.
        try (FaultProxy b2 = new FaultProxy(URI.create("http://127.0.0.1:" + server.getPort())).refuseHeaders("x-amz-checksum-mode");
             Clients clients = new Clients(S3Endpoint.builder("t").endpoint(b2.uri()).pathStyle(true)
                     .staticKeys("id", "secret").build(), options)) {
            SmallDownload small = new SmallDownload(clients.s3(), null, new GetTries(new Retrier(options, "us-east-1"),
                    new ResizableSemaphore(4), new Throttle(0, null, Clock.systemUTC(), l -> l.download())));
            String etag = clients.s3().headObject(b -> b.bucket("sdk").key("one-part.bin")).eTag();
            ObjectInfo listed = new ObjectInfo("one-part.bin", data.length, null, etag, "STANDARD");
            assertTrue(small.run(task(dir.resolve("b2-1.bin"), listed)));
            assertTrue(small.run(task(dir.resolve("b2-2.bin"), listed)));
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("b2-2.bin")));
            List<String> gets = b2.heads.stream().filter(h -> h.startsWith("GET /sdk/one-part.bin"))
                    .map(h -> h.toLowerCase(Locale.ROOT).contains("\r\nx-amz-checksum-mode") ? "with" : "without").toList();
            assertEquals(List.of("with", "without", "without"), gets);
        } finally {
            server.stop();
        }
    }

    private static TransferTask task(Path local, ObjectInfo listed) {
        TransferTask t = new TransferTask("t", new TransferRequest.Download("sdk", listed.key(), local), null);
        t.from(listed, false);
        return t;
    }

    @Test
    void aServerChecksumComesFirstAndAMatchingMd5EtagOverrulesOneThatDoesNotMatch() {
        byte[] data = "the object's bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String md5 = "\"" + Hashes.hex(Hashes.md5().digest(data)) + "\"";
        String randomEtag = "\"0123456789abcdef0123456789abcdef\""; // MinIO --no-compat: looks like an MD5, is not
        String multipart = "\"0123456789abcdef0123456789abcdef-2\"";
        ServerChecksum.Expected right = new ServerChecksum.Expected("CRC64NVME",
                new ServerChecksum.Expected("CRC64NVME", "").of(data));
        ServerChecksum.Expected wrong = new ServerChecksum.Expected("CRC64NVME", "AAAAAAAAAAA=");
        TransferTask t = task(Path.of("x"), new ObjectInfo("k", data.length, null, md5, "STANDARD"));
        SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, randomEtag, null, right, data));
        SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, md5, null, wrong, data));
        SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, md5, null, null, data));
        var noWitness = assertThrows(S3EngineException.IntegrityFailed.class,
                () -> SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, randomEtag, null, wrong, data)));
        assertTrue(noWitness.getMessage().contains("CRC64NVME expected AAAAAAAAAAA="), noWitness.getMessage());
        assertThrows(S3EngineException.IntegrityFailed.class,
                () -> SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, multipart, null, wrong, data)));
        assertThrows(S3EngineException.IntegrityFailed.class,
                () -> SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, randomEtag, null, null, data)));
        // Rackside's own SHA-256 is not overruled by anything.
        assertThrows(S3EngineException.IntegrityFailed.class,
                () -> SmallDownload.verify(t, "b/k", new SmallDownload.Fetched("00", md5, null, right, data)));
        // An SSE-KMS ETag is no MD5 witness.
        assertThrows(S3EngineException.IntegrityFailed.class,
                () -> SmallDownload.verify(t, "b/k", new SmallDownload.Fetched(null, md5, "aws:kms", wrong, data)));
    }
}
