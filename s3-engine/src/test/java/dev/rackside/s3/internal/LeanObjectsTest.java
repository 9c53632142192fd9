package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3EngineException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/// The lean GET/PUT against a real S3 server (S3Proxy, which checks every SigV4 signature), with
/// the S3Client reading what the lean path wrote and the other way round, so keys, metadata and
/// errors come out the same on both paths. `SecondServerTest` runs the same path against S3Mock.
class LeanObjectsTest {
    static final List<String> KEYS = List.of("plain.bin", "with space/and+plus.bin", "percent%20sign%.bin",
            "unicode/ünïcødé-日本.bin", "tilde~and=equals&amp;.bin", "semi;colon,comma'quote.bin");
    // Not listed: "a//b" and "x/../y", which S3Proxy rejects from the S3Client as well.

    static S3Proxy proxy;
    static URI uri;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "lean-id", "lean-secret").ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        uri = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (Clients c = clients(S3Endpoint.builder("t").endpoint(uri).pathStyle(true).staticKeys("lean-id", "lean-secret").build())) {
            c.s3().createBucket(b -> b.bucket("lean"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    static Clients clients(S3Endpoint endpoint) {
        return new Clients(endpoint, EngineOptions.builder().build());
    }

    static S3Endpoint keys() {
        return S3Endpoint.builder("t").endpoint(uri).pathStyle(true).staticKeys("lean-id", "lean-secret").build();
    }

    static SdkHttpResponse put(LeanObjects lean, String key, byte[] body, Map<String, String> headers) throws Exception {
        return lean.put("lean", key, headers, body, () -> new ByteArrayInputStream(body));
    }

    static byte[] get(LeanObjects lean, String key, String etag) throws Exception {
        return lean.get("lean", key, etag, (r, in) -> in.readAllBytes());
    }

    @Test
    void keysWithSpecialCharactersRoundTripBetweenBothPaths() throws Exception {
        try (Clients c = clients(keys())) {
            LeanObjects lean = c.lean();
            assertTrue(lean.supports("lean"));
            for (String key : KEYS) {
                byte[] body = ("lean " + key).getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse r = put(lean, key, body, Map.of("Content-Type", "text/plain", "Content-MD5",
                        Hashes.md5Base64(body), "x-amz-meta-rackside-sha256", "abc123"));
                String etag = r.firstMatchingHeader("ETag").orElseThrow();
                ResponseBytes<GetObjectResponse> sdk = c.s3().getObjectAsBytes(b -> b.bucket("lean").key(key));
                assertArrayEquals(body, sdk.asByteArray(), key);
                assertEquals("abc123", sdk.response().metadata().get("rackside-sha256"), key);
                assertEquals("text/plain", sdk.response().contentType(), key);
                assertArrayEquals(body, get(lean, key, etag), key);

                byte[] other = ("sdk " + key).getBytes(StandardCharsets.UTF_8);
                String sdkEtag = c.s3().putObject(b -> b.bucket("lean").key(key), RequestBody.fromBytes(other)).eTag();
                assertArrayEquals(other, get(lean, key, sdkEtag), key);
            }
            var listed = c.s3().listObjectsV2(b -> b.bucket("lean")).contents().stream()
                    .map(software.amazon.awssdk.services.s3.model.S3Object::key).sorted().toList();
            assertEquals(KEYS.stream().sorted().toList(), listed);
        }
    }

    @Test
    void errorsArriveAsTheExceptionsTheS3ClientThrows() throws Exception {
        try (Clients c = clients(keys())) {
            LeanObjects lean = c.lean();
            var missing = assertThrows(NoSuchKeyException.class, () -> get(lean, "no/such key", "\"x\""));
            var sdkMissing = assertThrows(NoSuchKeyException.class, () -> c.s3().getObject(b -> b.bucket("lean").key("no/such key")));
            assertEquals(sdkMissing.statusCode(), missing.statusCode());
            assertEquals(sdkMissing.awsErrorDetails().errorCode(), missing.awsErrorDetails().errorCode());

            byte[] body = "v1".getBytes(StandardCharsets.UTF_8);
            put(lean, "changing.bin", body, Map.of("Content-MD5", Hashes.md5Base64(body)));
            var changed = assertThrows(S3Exception.class, () -> get(lean, "changing.bin", "\"0123456789abcdef0123456789abcdef\""));
            assertEquals(412, changed.statusCode());

            var badDigest = assertThrows(S3Exception.class, () -> put(lean, "digest.bin", body,
                    Map.of("Content-MD5", Hashes.md5Base64("other".getBytes(StandardCharsets.UTF_8)))));
            assertEquals("BadDigest", badDigest.awsErrorDetails().errorCode());
            assertTrue(Errors.retryable(badDigest), "a body damaged in transit is tried again");

            var noBucket = assertThrows(S3Exception.class, () -> lean.put("no-such-bucket", "k", Map.of(), body,
                    () -> new ByteArrayInputStream(body)));
            assertEquals(404, noBucket.statusCode());
            assertEquals("NoSuchBucket", noBucket.awsErrorDetails().errorCode());
            assertInstanceOf(S3EngineException.NotFound.class, Errors.map(noBucket, "upload", "us-east-1", 1));
        }
        S3Endpoint wrongSecret = S3Endpoint.builder("t").endpoint(uri).pathStyle(true).staticKeys("lean-id", "wrong").build();
        try (Clients c = clients(wrongSecret)) {
            var denied = assertThrows(S3Exception.class, () -> get(c.lean(), "plain.bin", "\"x\""));
            var sdkDenied = assertThrows(S3Exception.class, () -> c.s3().getObject(b -> b.bucket("lean").key("plain.bin")));
            assertEquals(sdkDenied.awsErrorDetails().errorCode(), denied.awsErrorDetails().errorCode());
            assertEquals(sdkDenied.statusCode(), denied.statusCode());
            assertInstanceOf(S3EngineException.BadCredentials.class, Errors.map(denied, "download", "us-east-1", 1));
        }
    }

    @Test
    void aSessionTokenIsSentAndSigned() throws Exception {
        // S3Proxy ignores the token itself but verifies the signature over every signed header;
        // the recording client shows the token went out and is one of the signed headers.
        var seen = new java.util.concurrent.CopyOnWriteArrayList<SdkHttpRequest>();
        try (SdkHttpClient apache = Apache5HttpClient.create()) {
            SdkHttpClient recording = new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    seen.add(request.httpRequest());
                    return apache.prepareRequest(request);
                }

                @Override
                public void close() {
                }
            };
            var token = StaticCredentialsProvider.create(AwsSessionCredentials.create("lean-id", "lean-secret", "the-token"));
            try (LeanObjects lean = new LeanObjects(recording, token, uri, "us-east-1", true, Duration.ofSeconds(30))) {
                byte[] body = "session".getBytes(StandardCharsets.UTF_8);
                String etag = put(lean, "session.bin", body, Map.of()).firstMatchingHeader("ETag").orElseThrow();
                assertArrayEquals(body, get(lean, "session.bin", etag));
            }
        }
        assertEquals(2, seen.size());
        for (SdkHttpRequest r : seen) {
            assertEquals("the-token", r.firstMatchingHeader("X-Amz-Security-Token").orElseThrow());
            String auth = r.firstMatchingHeader("Authorization").orElseThrow();
            assertTrue(auth.contains("x-amz-security-token"), auth);
            // A signed payload hash, not the aws-chunked streaming signature.
            assertTrue(r.firstMatchingHeader("x-amz-content-sha256").orElseThrow().matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void bothAddressingStylesGiveTheS3ClientsUrls() throws Exception {
        URI custom = URI.create("https://s3.example.test:9443");
        for (boolean pathStyle : new boolean[] {true, false}) {
            S3Endpoint e = S3Endpoint.builder("t").endpoint(custom).pathStyle(pathStyle).staticKeys("a", "b").build();
            S3Utilities sdk = S3Utilities.builder().region(Region.US_EAST_1)
                    .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build()).build();
            try (Clients c = clients(e)) {
                for (String bucket : List.of("lower-case", "with.dots", "Upper_Case")) {
                    assertTrue(c.lean().supports(bucket), bucket);
                    for (String key : KEYS) {
                        String expected = sdk.getUrl(b -> b.bucket(bucket).key(key).endpoint(custom)).toString();
                        assertEquals(expected, c.lean().uri(bucket, key).toString(), pathStyle + " " + bucket + " " + key);
                    }
                }
            }
        }
        // AWS itself (no endpoint override) keeps the S3Client: FIPS, dual-stack and global endpoints.
        try (Clients aws = clients(S3Endpoint.builder("aws").region("eu-west-1").staticKeys("a", "b").build())) {
            assertNull(aws.lean());
        }
    }

    @Test
    void bucketsTheRulesSendElsewhereStayOnTheSdkPath() {
        try (Clients c = clients(keys())) {
            assertFalse(c.lean().supports("arn:aws:s3:us-east-1:123456789012:accesspoint/ap"));
        }
    }

    @Test
    void aClockAnHourOffIsRefusedOnceThenSignedAtTheServersTime() throws Exception {
        java.time.Clock behind = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-1));
        byte[] body = "skewed".getBytes(StandardCharsets.UTF_8);
        try (Clients c = clients(keys())) {
            c.s3().createBucket(b -> b.bucket("lean-skew")); // its own: other tests list "lean"
        }
        try (SdkHttpClient http = Apache5HttpClient.create();
             LeanObjects lean = new LeanObjects(http, StaticCredentialsProvider.create(
                     software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("lean-id", "lean-secret")),
                     uri, "us-east-1", true, Duration.ofSeconds(30), behind)) {
            S3Exception refused = assertThrows(S3Exception.class, () -> lean.put("lean-skew", "skew.txt", Map.of(), body, null));
            assertEquals(403, refused.statusCode());
            assertEquals("RequestTimeTooSkewed", refused.awsErrorDetails().errorCode());
            assertTrue(lean.put("lean-skew", "skew.txt", Map.of(), body, null).isSuccessful());
        }
        try (Clients c = clients(keys())) {
            assertArrayEquals(body, c.s3().getObjectAsBytes(b -> b.bucket("lean-skew").key("skew.txt")).asByteArray());
        }
    }
}
