package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// On S3Proxy's `transient` store, the only one with versioning, SSE-S3 and SSE-C.
class VersionsAndEncryptionTest {
    static S3ProxyServer server;
    static S3Engine engine;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.inMemory();
        engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build());
        engine.createBucket("vers");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void versionsAreListedAndAnOlderOneRestored(@TempDir Path dir) throws Exception {
        assertFalse(engine.versioningEnabled("vers"));
        engine.setVersioning("vers", true);
        assertTrue(engine.versioningEnabled("vers"));
        engine.putBytes("vers", "doc.txt", bytes("first"), "text/plain", Encryption.none());
        engine.putBytes("vers", "doc.txt", bytes("second"), "text/plain", Encryption.none());
        List<ObjectVersion> versions = engine.versions("vers", "doc.txt").toList();
        assertEquals(2, versions.size());
        ObjectVersion older = versions.stream().filter(v -> v.size() == 5).findFirst().orElseThrow();
        assertFalse(older.latest());
        engine.restoreVersion("vers", "doc.txt", older.versionId());
        Path out = dir.resolve("doc.txt");
        engine.transfers().download("vers", "doc.txt", out).await();
        assertEquals("first", Files.readString(out));
        assertEquals(3, engine.versions("vers", "doc.txt").count());
        assertEquals(older.versionId(), engine.head("vers", "doc.txt").userMetadata().get("rackside-restored-from"));
    }

    @Test
    void sseCustomerKeyIsNeededToReadBack(@TempDir Path dir) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Encryption ssec = new Encryption.SseC(key);
        Path src = TestFiles.random(dir, "secret.bin", 7 * EngineOptions.MIB, 3); // multipart with SSE-C
        engine.transfers().submit(new TransferRequest.Upload(src, "vers", "secret.bin", ssec)).await();
        Path without = dir.resolve("without-key.out");
        assertThrows(S3EngineException.Rejected.class, () -> engine.transfers().download("vers", "secret.bin", without).await());
        assertFalse(Files.exists(without));
        ObjectMetadata m = engine.head("vers", "secret.bin", ssec);
        assertEquals(Optional.of(TestFiles.sha256(src)), m.sha256());
        Path out = dir.resolve("secret.out");
        engine.transfers().submit(new TransferRequest.Download("vers", "secret.bin", out, ssec)).await();
        assertEquals(TestFiles.sha256(src), TestFiles.sha256(out));
    }

    @Test
    void sseS3IsReportedByHead() {
        engine.putBytes("vers", "s3-managed.txt", bytes("x"), "text/plain", new Encryption.SseS3());
        assertEquals(Optional.of("AES256"), engine.head("vers", "s3-managed.txt").serverSideEncryption());
    }

    @Test
    void aServerThatConfirmsSseIsAskedOncePerBucket(@TempDir Path dir) throws Exception {
        try (FaultProxy counter = new FaultProxy(server.endpoint);
             S3Engine e = S3Engine.open(S3ProxyServer.endpoint(counter.uri()), S3ProxyServer.fastOptions().build())) {
            Path src = TestFiles.random(dir, "sse.bin", 7 * EngineOptions.MIB, 4);
            Transfer big = e.transfers().submit(new TransferRequest.Upload(src, "vers", "sse.bin", new Encryption.SseS3()));
            List<java.util.concurrent.Future<?>> smalls = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 8; i++) {
                    String key = "sse-small-" + i + ".txt";
                    smalls.add(pool.submit(() -> e.putBytes("vers", key, bytes("x"), "text/plain", new Encryption.SseS3())));
                }
            }
            for (var f : smalls) {
                f.get(); // each write succeeded
            }
            big.await();
            assertEquals(Optional.of("AES256"), e.head("vers", "sse.bin").serverSideEncryption());
            assertEquals(Optional.of("AES256"), e.head("vers", "sse-small-7.txt").serverSideEncryption());
            // Nine first writes at once, one question (an unfinished upload, aborted) for the bucket;
            // S3Proxy confirms in CreateMultipartUpload's answer already, so no part is sent for it.
            assertEquals(1, counter.requests.stream().filter(l -> l.startsWith("DELETE ") && l.contains("uploadId=")).count(),
                    counter.requests.toString());
            assertEquals(2, counter.requests.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).count(),
                    "7 MiB in two parts of its own, none for the question: " + counter.requests);
            assertTrue(e.incompleteUploads("vers", "").isEmpty());
        }
    }

    @Test
    void aServerThatConfirmsSseOnlyForPartsIsAskedWithAPart() throws Exception {
        // MinIO: no x-amz-server-side-encryption in CreateMultipartUpload's answer, only in UploadPart's.
        try (FaultProxy minio = new FaultProxy(server.endpoint);
             S3Engine e = S3Engine.open(S3ProxyServer.endpoint(minio.uri()), S3ProxyServer.fastOptions().build())) {
            // A question that failed (here: refused for that key) is not taken as the answer.
            minio.canned(l -> l.startsWith("POST /vers/denied.txt?uploads"), 403, "",
                    FaultProxy.s3Error("AccessDenied", "Access Denied"), 1);
            minio.inject(l -> l.startsWith("POST "), FaultProxy.Kind.HIDE_SSE, 10_000);
            assertThrows(S3EngineException.AccessDenied.class,
                    () -> e.putBytes("vers", "denied.txt", bytes("x"), "text/plain", new Encryption.SseS3()));
            e.putBytes("vers", "minio.txt", bytes("x"), "text/plain", new Encryption.SseS3());
            String part = minio.heads.stream().filter(h -> h.startsWith("PUT ") && h.contains("partNumber=1")).findFirst().orElseThrow();
            // Object Lock buckets refuse parts without a digest.
            assertTrue(part.toLowerCase(java.util.Locale.ROOT).contains("\r\ncontent-md5: "), part);
            assertEquals(Optional.of("AES256"), e.head("vers", "minio.txt").serverSideEncryption());
        }
    }

    @Test
    void aServerThatIgnoresSseS3GetsNothingWrittenAndSaysSo(@TempDir Path dir) throws Exception {
        // Garage ignores SSE-S3: it stores plaintext and its answers say nothing of encryption.
        try (FaultProxy garage = new FaultProxy(server.endpoint);
             S3Engine e = S3Engine.open(S3ProxyServer.endpoint(garage.uri()), S3ProxyServer.fastOptions().build())) {
            garage.inject(l -> true, FaultProxy.Kind.HIDE_SSE, 10_000);
            e.createBucket("plain");
            e.putBytes("plain", "kept.txt", bytes("before"), "text/plain", Encryption.none());
            var single = assertThrows(S3EngineException.Unsupported.class,
                    () -> e.putBytes("plain", "kept.txt", bytes("secret"), "text/plain", new Encryption.SseS3()));
            assertTrue(single.getMessage().contains("Nothing was written to kept.txt"), single.getMessage());
            assertEquals(6, e.head("plain", "kept.txt").size(), "what was stored under the key is untouched");

            Path src = TestFiles.random(dir, "big.bin", 7 * EngineOptions.MIB, 5);
            assertThrows(S3EngineException.Unsupported.class, () -> e.transfers()
                    .submit(new TransferRequest.Upload(src, "plain", "big.bin", new Encryption.SseS3())).await());
            assertThrows(S3EngineException.NotFound.class, () -> e.head("plain", "big.bin"));
            assertThrows(S3EngineException.Unsupported.class,
                    () -> e.copy("plain", "kept.txt", "plain", "copied.txt", Encryption.none(), new Encryption.SseS3()));
            assertThrows(S3EngineException.NotFound.class, () -> e.head("plain", "copied.txt"));
            assertTrue(e.incompleteUploads("plain", "").isEmpty(), "the questions leave no unfinished upload");
            // Cloudflare R2 does not implement the header at all: the same refusal, with its reason.
            try (FaultProxy r2 = new FaultProxy(server.endpoint);
                 S3Engine onR2 = S3Engine.open(S3ProxyServer.endpoint(r2.uri()), S3ProxyServer.fastOptions().build())) {
                r2.canned(l -> l.startsWith("POST ") && l.contains("?uploads"), 501, "", FaultProxy.s3Error("NotImplemented",
                        "Header 'x-amz-server-side-encryption' with value 'AES256' not implemented"), 1);
                for (int i = 0; i < 2; i++) {
                    var refused = assertThrows(S3EngineException.Unsupported.class,
                            () -> onR2.putBytes("plain", "r2.txt", bytes("x"), "text/plain", new Encryption.SseS3()));
                    assertTrue(refused.getMessage().contains("does not implement SSE-S3 (Header 'x-amz-server-side-encryption'"
                            + " with value 'AES256' not implemented)"), refused.getMessage());
                }
                assertEquals(1, r2.requests.stream().filter(l -> l.startsWith("POST ")).count(), "asked once: " + r2.requests);
                // A 501 that is not about encryption (a proxy in front) is no answer, and is not kept.
                r2.canned(l -> l.startsWith("POST ") && l.contains("?uploads"), 501, "", FaultProxy.s3Error("NotImplemented",
                        "A header you provided implies functionality that is not implemented"), 1);
                assertThrows(S3EngineException.Unsupported.class,
                        () -> onR2.putBytes("other", "k.txt", bytes("x"), "text/plain", new Encryption.SseS3()));
                onR2.createBucket("other");
                onR2.putBytes("other", "k.txt", bytes("x"), "text/plain", new Encryption.SseS3());
            }
            // One question, whose refusal then holds for the bucket: no upload of the file itself started.
            assertEquals(1, garage.requests.stream().filter(l -> l.startsWith("POST ") && l.contains("?uploads")).count(),
                    garage.requests.toString());
        }
    }

    @Test
    void sseKmsIsAcceptedByS3ProxyButNotApplied() {
        // S3Proxy has no KMS: it stores the object and reports no KMS encryption. What is tested
        // here is only that the headers are well-formed; real KMS needs AWS or MinIO with KES.
        engine.putBytes("vers", "kms.txt", bytes("x"), "text/plain", new Encryption.SseKms(Optional.of("alias/rackside")));
        ObjectMetadata m = engine.head("vers", "kms.txt");
        assertEquals(1, m.size());
        assertEquals(Optional.of("aws:kms"), m.serverSideEncryption(), "S3Proxy echoes the requested mode");
    }

    @Test
    void copiesAndRenamesKeepTheSourcesServerSideEncryption() {
        engine.putBytes("vers", "kms-src.txt", bytes("k"), "text/plain", new Encryption.SseKms(Optional.of("alias/rackside")));
        engine.putBytes("vers", "s3-src.txt", bytes("s"), "text/plain", new Encryption.SseS3());
        engine.rename("vers", "kms-src.txt", "kms-renamed.txt");
        engine.copy("vers", "s3-src.txt", "vers", "s3-copied.txt");
        // S3Proxy echoes the mode a request asks for: a copy that asked for none would report none.
        assertEquals(Optional.of("aws:kms"), engine.head("vers", "kms-renamed.txt").serverSideEncryption());
        assertEquals(Optional.of("AES256"), engine.head("vers", "s3-copied.txt").serverSideEncryption());
        engine.updateMetadata("vers", "s3-copied.txt", "text/csv", java.util.Map.of("owner", "lab"));
        assertEquals(Optional.of("AES256"), engine.head("vers", "s3-copied.txt").serverSideEncryption(), "editing metadata too");
    }

    @Test
    void anUploadLinkOfAnEncryptingEndpointSignsItsSseHeaders() throws Exception {
        PresignedUpload link = engine.presignPut("vers", "linked.txt", java.time.Duration.ofMinutes(5), new Encryption.SseS3());
        assertEquals(java.util.Map.of("x-amz-server-side-encryption", "AES256"), link.headers());
        assertFalse(link.url().getQuery().toLowerCase(java.util.Locale.ROOT).contains("x-amz-server-side-encryption="),
                "S3 ignores SSE given as a query parameter");
        var http = java.net.http.HttpClient.newHttpClient();
        var body = java.net.http.HttpRequest.BodyPublishers.ofString("linked");
        var bare = http.send(java.net.http.HttpRequest.newBuilder(link.url().toURI()).PUT(body).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, bare.statusCode(), "without the signed header the link is refused, never stored unencrypted");
        var put = java.net.http.HttpRequest.newBuilder(link.url().toURI()).PUT(body);
        link.headers().forEach(put::header);
        // A fresh client: S3Proxy may close the connection after refusing a request whose body it
        // did not read, and a reused connection then fails the next request ("received no bytes").
        var sent = java.net.http.HttpClient.newHttpClient().send(put.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(Optional.of("AES256"), engine.head("vers", "linked.txt").serverSideEncryption());
        assertTrue(link.curlCommand("<file>").contains(" -H \"x-amz-server-side-encryption: AES256\" "),
                link.curlCommand("<file>"));

        PresignedUpload kms = engine.presignPut("vers", "linked-kms.txt", java.time.Duration.ofMinutes(5),
                new Encryption.SseKms(Optional.of("alias/rackside")));
        assertEquals("alias/rackside", kms.headers().get("x-amz-server-side-encryption-aws-kms-key-id"));
        assertTrue(engine.presignPut("vers", "plain.txt", java.time.Duration.ofMinutes(5), Encryption.none()).headers().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> engine.presignPut("vers", "c.txt", java.time.Duration.ofMinutes(5),
                new Encryption.SseC(new byte[32])));
    }

    @Test
    void metadataEditsKeepCacheControlDispositionAndLanguage() throws Exception {
        // Put through a presigned link, with the headers a web-served object carries.
        var http = java.net.http.HttpClient.newHttpClient();
        byte[] big = new byte[7 * (int) EngineOptions.MIB];
        new SecureRandom().nextBytes(big);
        try (FaultProxy wire = new FaultProxy(server.endpoint);
             S3Engine small = S3Engine.open(S3ProxyServer.endpoint(wire.uri()), S3ProxyServer.fastOptions()
                .copyPartThreshold(6 * EngineOptions.MIB).copyPartSize(5 * EngineOptions.MIB).build())) {
            for (String key : List.of("web/page.html", "web/big.iso")) {
                var put = java.net.http.HttpRequest.newBuilder(small.presignPut("vers", key, java.time.Duration.ofMinutes(5)).toURI())
                        .header("Cache-Control", "max-age=60").header("Content-Disposition", "attachment; filename=\"x\"")
                        .header("Content-Language", "fr").header("Expires", "Thu, 01 Dec 2044 16:00:00 GMT")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(key.endsWith(".iso") ? big : bytes("<p>")))
                        .build();
                assertEquals(200, http.send(put, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
                ContentHeaders before = small.head("vers", key).headers();
                assertEquals(Optional.of("max-age=60"), before.cacheControl(), "S3Proxy keeps it: " + before);

                // The second key is above the copy threshold: its edit is a multipart copy.
                wire.clear();
                small.updateMetadata("vers", key, "text/html", java.util.Map.of("owner", "web"));
                ObjectMetadata after = small.head("vers", key);
                assertEquals("text/html", after.contentType());
                assertEquals(java.util.Map.of("owner", "web"), after.userMetadata());
                // S3Proxy drops Expires on copies whatever is sent, so that one is checked on the wire.
                assertEquals(new ContentHeaders(before.cacheControl(), before.contentDisposition(), before.contentEncoding(),
                        before.contentLanguage(), after.headers().expires()), after.headers(), key);
                assertEquals(Optional.of("Thu, 01 Dec 2044 16:00:00 GMT"), before.expires());
                String copy = wire.heads.stream().filter(h -> h.startsWith("PUT ") && !h.contains("partNumber=")
                        || h.startsWith("POST ") && h.contains("?uploads")).reduce((first, last) -> last).orElseThrow(); // after any SSE question
                assertTrue(copy.contains("\r\nExpires: Thu, 01 Dec 2044 16:00:00 GMT\r\n"), copy);
            }
        }
    }

    @Test
    void aKeyWithAControlCharacterLeavesItsFolderListable() {
        // Legal in S3, unparseable in a plain XML listing: listings ask for URL-encoded keys.
        List<String> keys = List.of("ctl/bell\u0007.txt", "ctl/plain.txt", "ctl/sp ace+plus%41.txt");
        for (String k : keys) {
            engine.putBytes("vers", k, bytes(k), "text/plain", Encryption.none());
        }
        assertEquals(keys.stream().sorted().toList(), engine.objects("vers", "ctl/").map(ObjectInfo::key).sorted().toList());
        assertEquals(keys.stream().sorted().toList(),
                engine.versions("vers", "ctl/").map(ObjectVersion::key).distinct().sorted().toList());
        ObjectPage top = engine.list("vers", "ctl/", true, 100).iterator().next();
        assertEquals(keys.stream().sorted().toList(), top.objects().stream().map(ObjectInfo::key).sorted().toList());
    }
}
