package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTest {
    static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.inMemory();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void secretsNeverPrint() {
        S3Endpoint e = S3Endpoint.builder("lab").endpoint("http://minio:9000").pathStyle(true)
                .staticKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG").build();
        assertFalse(e.toString().contains("wJalrXUtnFEMI"), e.toString());
        assertEquals("Secret[****]", Secret.of("x").toString());
        assertFalse(new Encryption.SseC(new byte[32]).toString().contains("0"));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> S3Endpoint.builder("x").endpoint("ftp://h").build());
        assertThrows(IllegalArgumentException.class, () -> S3Endpoint.builder("x").region(" ").build());
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder().minPartSize(1024).build());
        assertTrue(S3Endpoint.builder("aws").build().endpoint().isEmpty());
    }

    @Test
    void awsProfileFromASharedCredentialsFile(@TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[lab]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET_KEY + "\n");
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile lab]\nregion = us-east-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
        try (S3Engine engine = S3Engine.open(S3Endpoint.builder("p").endpoint(server.endpoint).pathStyle(true)
                .credentials(new S3Credentials.Profile("lab")).build(), EngineOptions.defaults())) {
            engine.createBucket("from-profile");
            assertTrue(engine.listBuckets().stream().anyMatch(b -> b.name().equals("from-profile")));
            assertEquals(ConnectionReport.Outcome.OK, engine.testConnection(Optional.of("from-profile")).outcome());
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void anSsoProfileWithoutASignInSaysToSignIn(@TempDir Path dir) throws Exception {
        // An IAM Identity Center profile: the SDK reads it only with its sso and ssooidc modules.
        Path config = dir.resolve("config");
        // The SDK looks for the sign-in under $HOME/.aws/sso/cache, named after the session; a
        // session name of this run alone cannot have one there, whoever's home that is.
        String session = "rackside-test-" + java.util.UUID.randomUUID();
        Files.writeString(config, """
                [profile corp]
                sso_session = %1$s
                sso_account_id = 111122223333
                sso_role_name = Backup
                region = us-east-1
                [sso-session %1$s]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """.formatted(session));
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("none").toString());
        try (S3Engine engine = S3Engine.open(S3Endpoint.builder("p").endpoint(server.endpoint).pathStyle(true)
                .credentials(new S3Credentials.Profile("corp")).build(), EngineOptions.defaults())) {
            var e = assertThrows(S3EngineException.Misconfigured.class, engine::listBuckets);
            assertTrue(e.getMessage().contains("aws sso login"), e.getMessage());
            assertFalse(e.getMessage().contains("class path"), e.getMessage());
            ConnectionReport report = engine.testConnection(Optional.empty());
            assertTrue(report.message().contains("aws sso login"), report.message());
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void anAssumedRoleOnACustomEndpointAsksThatEndpointsSts() throws Exception {
        // MinIO and Ceph RGW answer AssumeRole on the S3 endpoint; AWS's STS would not know the keys.
        String sts = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                + "<AccessKeyId>" + S3ProxyServer.ACCESS_KEY + "</AccessKeyId><SecretAccessKey>" + S3ProxyServer.SECRET_KEY
                + "</SecretAccessKey><SessionToken>session-1</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>"
                + "</Credentials><AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/backup/rackside</Arn>"
                + "<AssumedRoleId>ARO1:rackside</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>";
        try (FaultProxy minio = new FaultProxy(server.endpoint)
                .canned(l -> l.startsWith("POST / "), 200, "", sts, 1);
             S3Engine engine = S3Engine.open(S3Endpoint.builder("minio").endpoint(minio.uri()).pathStyle(true)
                     .credentials(new S3Credentials.AssumeRole(new S3Credentials.StaticKeys("base-key", Secret.of("base-secret"),
                             Optional.empty()), "arn:minio:iam:::role/backup", "rackside", Optional.empty())).build(),
                     EngineOptions.defaults())) {
            engine.createBucket("assumed");
            assertEquals(1, minio.injected.get(), "AssumeRole went to the endpoint: " + minio.requests);
            assertTrue(minio.heads.stream().filter(h -> h.startsWith("PUT /assumed"))
                    .allMatch(h -> h.contains("\r\nX-Amz-Security-Token: session-1\r\n")), minio.heads.toString());
        }
    }

    @Test
    void aRoleTheEndpointsStsRefusesIsSaidAsSuch() throws Exception {
        String refused = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRole</Message></Error>"
                + "<RequestId>1</RequestId></ErrorResponse>";
        try (FaultProxy minio = new FaultProxy(server.endpoint).canned(l -> l.startsWith("POST / "), 403, "", refused, 1);
             S3Engine engine = S3Engine.open(S3Endpoint.builder("minio").endpoint(minio.uri()).pathStyle(true)
                     .credentials(new S3Credentials.AssumeRole(new S3Credentials.StaticKeys("base-key", Secret.of("base-secret"),
                             Optional.empty()), "arn:minio:iam:::role/backup", "rackside", Optional.empty())).build(),
                     EngineOptions.defaults())) {
            var e = assertThrows(S3EngineException.Misconfigured.class, engine::listBuckets);
            assertTrue(e.getMessage().startsWith("No credentials to list buckets: Sts refused (AccessDenied): "
                    + "Not authorized to perform sts:AssumeRole"), e.getMessage());
            assertTrue(e.getMessage().contains("trust policy"), e.getMessage());
        }
    }
}
