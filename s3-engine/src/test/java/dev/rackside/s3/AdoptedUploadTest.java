package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// An incomplete upload another tool began (parts of 5 MiB, no Rackside metadata) is continued from
/// the file it came from: its stored parts are checked against the file, only the missing parts are
/// sent, and a file that is not the one it was begun from is refused with the upload left alone.
class AdoptedUploadTest {
    private static final int PART = 5 * 1024 * 1024;
    private static final long SIZE = 3L * PART + 2 * 1024 * 1024 + 123; // parts 1–3 full, part 4 short

    @Test
    void anotherToolsUploadGoesOnWithOnlyTheMissingParts(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "disk.qcow2", SIZE, 7);
        byte[] bytes = Files.readAllBytes(file);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw();
             // The engine's own part size (8 MiB) differs from the stored parts': theirs must be kept.
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), EngineOptions.builder()
                     .journal(dir.resolve("journal.db")).build())) {
            engine.createBucket("vms");
            String id = begin(raw, "vms", "images/disk.qcow2", bytes, 1, 3);
            IncompleteUpload listed = only(engine.incompleteUploads("vms", ""));
            assertEquals(id, listed.uploadId());
            proxy.clear();

            Transfer t = engine.transfers().adopt("vms", listed, file);
            t.await();

            assertEquals(TransferState.COMPLETED, t.state());
            assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket("vms").key("images/disk.qcow2")).asByteArray());
            List<String> sent = proxy.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).toList();
            assertEquals(2, sent.size(), sent.toString());
            assertTrue(sent.stream().anyMatch(l -> l.contains("partNumber=2&") || l.contains("partNumber=2 ")), sent.toString());
            assertTrue(sent.stream().anyMatch(l -> l.contains("partNumber=4&") || l.contains("partNumber=4 ")), sent.toString());
            assertTrue(proxy.requests.stream().noneMatch(l -> l.startsWith("POST ") && l.contains("uploads")
                    && !l.contains("uploadId=")), "no new upload: " + proxy.requests);
            assertEquals(List.of(), engine.incompleteUploads("vms", ""), "the upload was completed, not replaced");
            assertTrue(engine.head("vms", "images/disk.qcow2").etag().endsWith("-4\""));
            // Begun without a checksum algorithm: the new parts carry none (AWS refuses a CRC32C there).
            proxy.heads.stream().filter(h -> h.startsWith("PUT ") && h.contains("partNumber=")).forEach(h -> {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                assertTrue(lower.contains("\r\ncontent-md5: ") && !lower.contains("x-amz-checksum-"), h);
            });
        }
    }

    /// Taken over, the upload stays the operator's: a cancel forgets it without aborting it. A small
    /// file (below the multipart threshold) that failed goes on in the same upload when retried, and
    /// a refused continuation is forgotten by a restart instead of uploading the wrong file as new.
    @Test
    void anAdoptedUploadIsNeverAbortedAndARefusalIsForgotten(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.db");
        Path small = TestFiles.random(dir, "small.iso", PART + 1024 * 1024, 11); // below the 16 MiB threshold
        Path big = TestFiles.random(dir, "big.iso", SIZE, 12);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw()) {
            raw.createBucket(b -> b.bucket("keep"));
            String smallId = begin(raw, "keep", "small.iso", Files.readAllBytes(small), 1);
            String bigId = begin(raw, "keep", "big.iso", Files.readAllBytes(big), 1);
            String otherId = begin(raw, "keep", "other.iso", Files.readAllBytes(big), 1);
            EngineOptions options = EngineOptions.builder().journal(journal).maxAttempts(2).uploadLimit(2_000_000)
                    .retryDelays(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(10)).build();
            try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), options)) {
                // Cancelled while sending (so after its check): forgotten, not aborted.
                Transfer t = engine.transfers().adopt("keep", new IncompleteUpload("big.iso", bigId, null), big);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (t.progress().transferredBytes() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                t.cancel();
                assertThrows(S3EngineException.Cancelled.class, t::await);
                assertEquals(1, raw.listParts(b -> b.bucket("keep").key("big.iso").uploadId(bigId)).parts().size());

                // A small file's second part fails: the retry goes on in that upload, not in a new PUT.
                engine.transfers().setUploadLimit(0);
                proxy.inject(l -> l.startsWith("PUT /keep/small.iso") && l.contains("partNumber=2"),
                        FaultProxy.Kind.ERROR_500, 100);
                Transfer s = engine.transfers().adopt("keep", new IncompleteUpload("small.iso", smallId, null), small);
                assertThrows(S3EngineException.class, s::await);
                proxy.clear();
                s.retry();
                s.await();
                assertTrue(proxy.requests.stream().noneMatch(l -> l.startsWith("POST ") && !l.contains("uploadId=")
                        || l.startsWith("PUT /keep/small.iso ") || l.startsWith("PUT /keep/small.iso?x-id")), proxy.requests.toString());
                assertArrayEquals(Files.readAllBytes(small), raw.getObjectAsBytes(b -> b.bucket("keep").key("small.iso")).asByteArray());

                // The wrong file for an upload: refused, not retried, and gone from the journal.
                Transfer w = engine.transfers().adopt("keep", new IncompleteUpload("other.iso", otherId, null), small);
                assertThrows(S3EngineException.NotResumable.class, w::await);
                w.retry();
                assertEquals(TransferState.FAILED, w.state(), "a retry would upload this file as new");
            }
            try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), options)) {
                assertEquals(List.of(), engine.transfers().resumeUnfinished(), "nothing left to resume");
            }
            List<String> open = raw.listMultipartUploads(b -> b.bucket("keep")).uploads().stream()
                    .map(software.amazon.awssdk.services.s3.model.MultipartUpload::uploadId).sorted().toList();
            assertEquals(java.util.stream.Stream.of(bigId, otherId).sorted().toList(), open, "none aborted");
        }
    }

    @Test
    void aFileThatIsNotTheOneItCameFromIsRefusedAndTheUploadLeftAlone(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestFiles.random(dir, "original.iso", SIZE, 8));
        byte[] other = bytes.clone();
        other[PART + 17] ^= 1; // inside stored part 2
        Path wrong = Files.write(dir.resolve("other.iso"), other);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw();
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions()
                     .journal(dir.resolve("journal.db")).build())) {
            engine.createBucket("iso");
            String id = begin(raw, "iso", "original.iso", bytes, 1, 2);
            proxy.clear();

            Transfer t = engine.transfers().adopt("iso", only(engine.incompleteUploads("iso", "")), wrong);
            S3EngineException.NotResumable e = assertThrows(S3EngineException.NotResumable.class, t::await);
            assertTrue(e.getMessage().contains("stored part 2 does not match"), e.getMessage());
            assertEquals(TransferState.FAILED, t.state());
            assertTrue(proxy.requests.stream().noneMatch(l -> l.startsWith("PUT ") || l.startsWith("DELETE ")
                    || l.startsWith("POST ")), "nothing sent, completed or aborted: " + proxy.requests);
            assertEquals(id, only(engine.incompleteUploads("iso", "")).uploadId());
            assertEquals(2, raw.listParts(b -> b.bucket("iso").key("original.iso").uploadId(id)).parts().size());
            assertEquals(Optional.empty(), engine.transfers().uploadId(t), "not journalled as ours");

            // Parts that cannot line up with the file (a shorter one): refused before reading it.
            Path shorter = Files.write(dir.resolve("short.iso"), Arrays.copyOf(bytes, PART + 100));
            Transfer s = engine.transfers().adopt("iso", only(engine.incompleteUploads("iso", "")), shorter);
            e = assertThrows(S3EngineException.NotResumable.class, s::await);
            assertTrue(e.getMessage().contains("does not fit a file of " + (PART + 100) + " bytes"), e.getMessage());

            // The right file still continues it.
            Path right = Files.write(dir.resolve("original.iso"), bytes);
            engine.transfers().adopt("iso", only(engine.incompleteUploads("iso", "")), right).await();
            assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket("iso").key("original.iso")).asByteArray());
        }
    }

    @Test
    void anAdoptedUploadThatFailsResumesLikeOurOwnAfterARestart(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "backup.vma", SIZE, 9);
        byte[] bytes = Files.readAllBytes(file);
        Path journal = dir.resolve("journal.db");
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw()) {
            raw.createBucket(b -> b.bucket("bak"));
            begin(raw, "bak", "backup.vma", bytes, 1);
            EngineOptions options = EngineOptions.builder().journal(journal).maxAttempts(2)
                    .retryDelays(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(10)).build();
            try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), options)) {
                proxy.inject(l -> l.startsWith("PUT ") && l.contains("partNumber=3"), FaultProxy.Kind.ERROR_500, 100);
                Transfer t = engine.transfers().adopt("bak", only(engine.incompleteUploads("bak", "")), file);
                assertThrows(S3EngineException.class, t::await);
                assertEquals(TransferState.FAILED, t.state());
                assertTrue(engine.transfers().uploadId(t).isPresent(), "checked, so journalled as ours");
            }
            proxy.clear();
            try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), options)) {
                List<Transfer> resumed = engine.transfers().resumeUnfinished();
                assertEquals(1, resumed.size());
                resumed.getFirst().await();
            }
            assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket("bak").key("backup.vma")).asByteArray());
            List<String> sent = proxy.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).toList();
            assertEquals(1, sent.size(), "only part 3 was still missing: " + sent);
        }
    }

    /// An upload created with CRC32 part checksums (as aws-cli and the AWS SDKs create them) goes on
    /// with CRC32 on every new part and on each part of the completion. S3Proxy keeps no algorithm,
    /// so the proxy answers ListParts as AWS does; S3Proxy still checks each CRC32 header it gets.
    @Test
    void partsGoOnInTheUploadsOwnChecksumAlgorithm(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir, "tmpl.tar.zst", SIZE, 10);
        byte[] bytes = Files.readAllBytes(file);
        try (S3ProxyServer server = S3ProxyServer.inMemory();
             FaultProxy proxy = new FaultProxy(server.endpoint);
             S3Client raw = server.raw();
             S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(proxy.uri()), S3ProxyServer.fastOptions()
                     .journal(dir.resolve("journal.db")).build())) {
            engine.createBucket("tpl");
            String id = raw.createMultipartUpload(b -> b.bucket("tpl").key("t.tar.zst")
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
            String etag1 = raw.uploadPart(b -> b.bucket("tpl").key("t.tar.zst").uploadId(id).partNumber(1)
                    .checksumCRC32(crc32(bytes, 0, PART)), RequestBody.fromBytes(Arrays.copyOf(bytes, PART))).eTag();
            String listing = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListPartsResult><Bucket>tpl</Bucket>"
                    + "<Key>t.tar.zst</Key><UploadId>" + id + "</UploadId><ChecksumAlgorithm>CRC32</ChecksumAlgorithm>"
                    + "<ChecksumType>COMPOSITE</ChecksumType><IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber>"
                    + "<ETag>" + etag1 + "</ETag><Size>" + PART + "</Size><ChecksumCRC32>" + crc32(bytes, 0, PART)
                    + "</ChecksumCRC32></Part></ListPartsResult>";
            proxy.clear();
            proxy.canned(l -> l.startsWith("GET /tpl/t.tar.zst?") && l.contains("uploadId="), 200, "", listing, 3);

            engine.transfers().adopt("tpl", new IncompleteUpload("t.tar.zst", id, null), file).await();

            assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket("tpl").key("t.tar.zst")).asByteArray());
            List<String> parts = proxy.heads.stream().filter(h -> h.startsWith("PUT ") && h.contains("partNumber=")).toList();
            assertEquals(3, parts.size(), parts.toString());
            for (String h : parts) {
                int n = Integer.parseInt(h.replaceAll("(?s).*partNumber=(\\d+).*", "$1"));
                long from = (n - 1L) * PART;
                String expected = crc32(bytes, (int) from, (int) Math.min(PART, SIZE - from));
                assertTrue(h.toLowerCase(java.util.Locale.ROOT).contains("x-amz-checksum-crc32: " + expected.toLowerCase(
                        java.util.Locale.ROOT)), h);
            }
            String complete = proxy.smallBodies.stream().filter(b -> b.startsWith("POST /tpl/t.tar.zst?uploadId="))
                    .findFirst().orElseThrow(() -> new AssertionError(proxy.smallBodies.toString()));
            for (int n = 1; n <= 4; n++) {
                long from = (n - 1L) * PART;
                String expected = crc32(bytes, (int) from, (int) Math.min(PART, SIZE - from));
                assertTrue(complete.contains("<ChecksumCRC32>" + expected + "</ChecksumCRC32>"), "part " + n + ": " + complete);
            }
        }
    }

    /// Begins an upload as another tool would (parts of 5 MiB, no metadata) and stores `numbers`.
    private static String begin(S3Client raw, String bucket, String key, byte[] bytes, int... numbers) {
        String id = raw.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        for (int n : numbers) {
            int from = (n - 1) * PART;
            byte[] part = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PART));
            raw.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(n), RequestBody.fromBytes(part));
        }
        return id;
    }

    private static IncompleteUpload only(List<IncompleteUpload> uploads) {
        assertEquals(1, uploads.size(), uploads.toString());
        return uploads.getFirst();
    }

    private static String crc32(byte[] data, int from, int len) {
        CRC32 crc = new CRC32();
        crc.update(data, from, len);
        long v = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
