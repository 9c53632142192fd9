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
}
