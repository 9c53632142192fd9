package dev.rackside.s3;

import dev.rackside.s3.ConnectionReport.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// The connection test names the cause: each case is produced for real (wrong keys, closed
/// port, https against http) or, where a local server cannot produce it (regions, clock skew,
/// policies), by a proxy answering what AWS answers.
class DiagnosisTest {
    static S3ProxyServer server;
    static FaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.inMemory();
        proxy = new FaultProxy(server.endpoint);
        try (S3Engine e = S3Engine.open(server.endpoint(), EngineOptions.defaults())) {
            e.createBucket("diag");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        server.close();
    }

    @AfterEach
    void clear() {
        proxy.clear();
    }

    private static ConnectionReport test(S3Endpoint endpoint, String bucket) {
        try (S3Engine e = S3Engine.open(endpoint, EngineOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())) {
            return e.testConnection(Optional.ofNullable(bucket));
        }
    }

    private static S3Endpoint via(URI uri, String access, String secret) {
        return S3Endpoint.builder("t").endpoint(uri).pathStyle(true).staticKeys(access, secret).build();
    }

    @Test
    void okRunsTheWriteReadDeleteProbe() {
        ConnectionReport r = test(server.endpoint(), "diag");
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(3, r.checks().size());
        assertTrue(r.checks().stream().allMatch(ConnectionReport.Check::passed));
    }

    @Test
    void unknownAccessKeyAndWrongSecretAreBadKeys() {
        ConnectionReport unknown = test(via(server.endpoint, "nobody", S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.BAD_KEY, unknown.outcome());
        assertTrue(unknown.message().contains("access key ID"), unknown.message());
        ConnectionReport wrongSecret = test(via(server.endpoint, S3ProxyServer.ACCESS_KEY, "wrong"), null);
        assertEquals(Outcome.BAD_KEY, wrongSecret.outcome());
        assertTrue(wrongSecret.message().contains("secret key"), wrongSecret.message());
    }

    @Test
    void missingBucket() {
        assertEquals(Outcome.BUCKET_NOT_FOUND, test(server.endpoint(), "no-such-bucket").outcome());
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionReport r = test(via(URI.create("http://127.0.0.1:" + port), "a", "b"), null);
        assertEquals(Outcome.CONNECTION_REFUSED, r.outcome(), r.message());
    }

    @Test
    void httpsAgainstAPlainHttpServerIsTls() {
        ConnectionReport r = test(via(URI.create("https://127.0.0.1:" + server.endpoint.getPort()), "a", "b"), null);
        assertEquals(Outcome.TLS, r.outcome(), r.message());
        assertTrue(r.message().contains("TLS"), r.message());
    }

    @Test
    void unresolvableHostIsDns() {
        ConnectionReport r = test(via(URI.create("http://rackside-test.invalid:9000"), "a", "b"), null);
        assertEquals(Outcome.DNS, r.outcome(), r.message());
    }

    @Test
    void redirectWithRegionHeaderSuggestsTheRegion() {
        proxy.canned(l -> true, 301, "x-amz-bucket-region: eu-central-1\r\n",
                FaultProxy.s3Error("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint."), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.WRONG_REGION, r.outcome(), r.message());
        assertEquals(Optional.of("eu-central-1"), r.suggestedRegion());
        assertTrue(r.message().contains("eu-central-1"), r.message());
    }

    @Test
    void malformedAuthorizationHeaderNamesTheExpectedRegion() {
        proxy.canned(l -> true, 400, "", FaultProxy.s3Error("AuthorizationHeaderMalformed",
                "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-south-1'"), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.WRONG_REGION, r.outcome());
        assertEquals(Optional.of("ap-south-1"), r.suggestedRegion());
    }

    @Test
    void clockSkew() {
        proxy.canned(l -> true, 403, "", FaultProxy.s3Error("RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large."), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.CLOCK_SKEW, r.outcome());
        assertTrue(r.message().contains("clock"), r.message());
    }

    @Test
    void garagesDateIsTooOldIsClockSkew() {
        // Garage refuses requests dated more than a day back with a plain 400.
        proxy.canned(l -> true, 400, "", FaultProxy.s3Error("InvalidRequest", "Bad request: Date is too old"), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.CLOCK_SKEW, r.outcome(), r.message());
    }

    @Test
    void anUnknownLocationConstraintSaysToChangeTheRegion() {
        // Ceph RGW: a region that is none of its zonegroups' API names cannot place a bucket.
        proxy.canned(l -> l.startsWith("PUT /"), 400, "", FaultProxy.s3Error("InvalidLocationConstraint",
                "The specified location-constraint is not valid"), 1);
        try (S3Engine e = S3Engine.open(S3Endpoint.builder("t").endpoint(proxy.uri()).pathStyle(true).region("lab")
                .staticKeys(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build(), EngineOptions.defaults())) {
            var thrown = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.Rejected.class, () -> e.createBucket("placed"));
            assertTrue(thrown.getMessage().contains("Set the endpoint's region"), thrown.getMessage());
        }
    }

    @Test
    void minioAnswersOfOtherCasesSayWhatHappened(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        S3Endpoint viaProxy = via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        try (S3Engine e = S3Engine.open(viaProxy, S3ProxyServer.fastOptions().maxAttempts(1)
                .journal(dir.resolve("journal.db")).build())) {
            // A HEAD has no body: MinIO puts the error's code and text in headers. A HEAD refused
            // while asking for the object's checksum is asked again without; that answer counts.
            proxy.canned(l -> l.startsWith("HEAD "), 400, "", "", 1);
            proxy.canned(l -> l.startsWith("HEAD "), 400, "x-minio-error-code: InvalidRequest\r\nx-minio-error-desc: \"Requests"
                    + " specifying Server Side Encryption with Customer provided keys must be made over a secure connection.\"\r\n", "", 1);
            var head = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.Rejected.class, () -> e.head("diag", "k"));
            assertTrue(head.getMessage().contains("InvalidRequest") && head.getMessage().contains("secure connection"),
                    head.getMessage());

            // MinIO refuses SSE-S3 without a KMS already when the engine asks whether it encrypts.
            proxy.canned(l -> l.startsWith("POST ") && l.contains("?uploads"), 501, "", FaultProxy.s3Error("NotImplemented",
                    "Server side encryption specified but KMS is not configured"), 1);
            var kms = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.Misconfigured.class,
                    () -> e.putBytes("diag", "k", new byte[]{1}, "text/plain", new Encryption.SseS3()));
            assertTrue(kms.getMessage().contains("no KMS configured"), kms.getMessage());

            // An upload the server dropped (MinIO: 24 hours after its start) is said to be gone...
            String noSuchUpload = FaultProxy.s3Error("NoSuchUpload", "The specified multipart upload does not exist.");
            proxy.canned(l -> l.startsWith("PUT ") && l.contains("uploadId="), 404, "", noSuchUpload, 1);
            Path file = java.nio.file.Files.write(dir.resolve("big.bin"), new byte[6 * (int) EngineOptions.MIB]);
            var gone = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.NotFound.class,
                    () -> e.transfers().upload(file, "diag", "big.bin").await());
            assertTrue(gone.getMessage().contains("no longer has this unfinished upload"), gone.getMessage());
            // ...and aborting one already gone is what was asked for.
            proxy.canned(l -> l.startsWith("DELETE ") && l.contains("uploadId="), 404, "", noSuchUpload, 1);
            e.abortUpload("diag", "k", "u1");
            assertEquals(5, proxy.injected.get(), "every canned answer was used, the abort's too");
        }
    }

    @Test
    void permissionDeniedOnTheProbe() {
        proxy.canned(l -> l.startsWith("PUT "), 403, "", FaultProxy.s3Error("AccessDenied", "Access Denied"), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), "diag");
        assertEquals(Outcome.PERMISSION_DENIED, r.outcome(), r.message());
        assertEquals("write/read/delete probe", r.checks().getLast().name());
    }

    @Test
    void keysThatMayNotListBucketsStillPassWithABucket() {
        proxy.canned(l -> l.startsWith("GET / "), 403, "", FaultProxy.s3Error("AccessDenied", "Access Denied"), 1);
        ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), "diag");
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertTrue(r.message().contains("not allowed"), r.message());
    }

    @Test
    void unavailableCredentialsNameTheirReasonWithoutSendingAnything() {
        S3Endpoint missing = S3Endpoint.builder("t").endpoint(server.endpoint).pathStyle(true)
                .credentials(new S3Credentials.Unavailable("The secret key of \"t\" is not in this computer's keychain.")).build();
        ConnectionReport r = test(missing, "diag");
        assertEquals(Outcome.OTHER, r.outcome(), r.message());
        assertEquals("The secret key of \"t\" is not in this computer's keychain.", r.message());
        try (S3Engine e = S3Engine.open(missing, EngineOptions.defaults())) {
            var thrown = org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.Misconfigured.class, e::listBuckets);
            assertTrue(thrown.getMessage().contains("keychain"), thrown.getMessage());
        }
    }

    @Test
    void otherServersWaysOfRefusingAKeyAreBadKeys() {
        // Cloudflare R2: 401 Unauthorized; Garage: AccessDenied "No such key" / "Invalid signature";
        // R2 again, for a key of the wrong length: InvalidArgument.
        String[][] answers = {
                {"401", "Unauthorized", "Unauthorized", "access key ID and the secret key"},
                {"403", "AccessDenied", "Forbidden: No such key: GK31c2f218a2e44f485b94239e", "does not know this access key"},
                {"403", "AccessDenied", "Forbidden: Invalid signature", "secret key does not match"},
                {"400", "InvalidArgument", "Credential access key has length 34, should be 32", "does not know this access key"},
                // MinIO: a session token with permanent keys, or temporary keys without theirs.
                {"403", "InvalidTokenId", "The security token included in the request is invalid", "session token"}};
        for (String[] a : answers) {
            proxy.clear();
            proxy.canned(l -> true, Integer.parseInt(a[0]), "", FaultProxy.s3Error(a[1], a[2]), 1);
            ConnectionReport r = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
            assertEquals(Outcome.BAD_KEY, r.outcome(), a[2] + ": " + r.message());
            assertTrue(r.message().contains(a[3]), r.message());
        }
    }

    @Test
    void garageAndMinioNameTheRegionTheyExpect() {
        // Garage 1.x names only the scope it got in the message; its region is in the body's
        // <Region>, which the S3Client does not hand on (the lean path does, see LeanResponsesTest).
        proxy.canned(l -> true, 400, "", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AuthorizationHeaderMalformed</Code>"
                + "<Message>Authorization header malformed, unexpected scope: 20261122/us-east-1/s3/aws4_request</Message>"
                + "<Resource>/</Resource><Region>garage</Region></Error>", 1);
        ConnectionReport garage = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.WRONG_REGION, garage.outcome(), garage.message());
        proxy.clear();
        proxy.canned(l -> true, 400, "", FaultProxy.s3Error("AuthorizationHeaderMalformed",
                "Authorization header malformed, unexpected scope: 20261122/us-east-1/s3/aws4_request, expected: '20261122/garage/s3/aws4_request'"), 1);
        ConnectionReport later = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Optional.of("garage"), later.suggestedRegion(), later.message());
        proxy.clear();
        proxy.canned(l -> true, 400, "", FaultProxy.s3Error("InvalidRegion",
                "Region does not match; expecting 'Lab_East'."), 1);
        ConnectionReport minio = test(via(proxy.uri(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), null);
        assertEquals(Outcome.WRONG_REGION, minio.outcome(), minio.message());
        assertEquals(Optional.of("Lab_East"), minio.suggestedRegion());
    }
}
