package dev.rackside.s3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.Secret;
import dev.rackside.s3.profiles.CredentialSource;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.EndpointProfileStore;
import dev.rackside.s3.profiles.ProviderPreset;
import dev.rackside.s3.profiles.SecretLookup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `rackside-s3 --rackside-profile NAME`: the endpoint saved by the app, its secret key from the
/// keychain (a fake lookup here), ignoring aws-cli's variables.
class RacksideProfileCliTest {
    @TempDir
    static Path dir;
    static S3Proxy proxy;
    static Path profiles;
    static EndpointProfile lab;
    static EndpointProfile sealed;
    static final dev.rackside.s3.ClientSideKey KEY = dev.rackside.s3.ClientSideKey.generate();
    static String url;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, "lab-id", "lab-secret").ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        url = "http://127.0.0.1:" + proxy.getPort();
        try (S3Engine s3 = S3Engine.open(S3Endpoint.builder("setup").endpoint(url).pathStyle(true)
                .staticKeys("lab-id", "lab-secret").build(), EngineOptions.defaults())) {
            s3.createBucket("lab-backups");
            s3.putBytes("lab-backups", "vzdump-100.vma.zst", new byte[1234], "application/octet-stream", dev.rackside.s3.Encryption.none());
        }
        profiles = dir.resolve("s3-endpoints.json");
        lab = EndpointProfile.create("Lab MinIO", ProviderPreset.MINIO, url, "us-east-1", true, new CredentialSource.KeychainKeys("lab-id"));
        EndpointProfileStore.read(profiles).put(lab);
        sealed = EndpointProfile.create("Sealed", ProviderPreset.MINIO, url, "us-east-1", true, new CredentialSource.KeychainKeys("lab-id"))
                .withEncryption(new dev.rackside.s3.profiles.UploadEncryption(dev.rackside.s3.profiles.UploadEncryption.Mode.CLIENT_SIDE, null));
        EndpointProfileStore.read(profiles).put(sealed);
    }

    /// The keychain of a computer that has the sealed endpoint's secret key, and its client-side key when `withKey`.
    static SecretLookup sealedKeychain(boolean withKey) {
        return id -> id.equals(sealed.id()) ? Optional.of(Secret.of("lab-secret"))
                : withKey && id.equals(sealed.clientKeyAccount()) ? Optional.of(Secret.of(KEY.toText())) : Optional.empty();
    }

    static S3Engine direct() {
        return S3Engine.open(S3Endpoint.builder("check").endpoint(url).pathStyle(true).staticKeys("lab-id", "lab-secret").build(),
                EngineOptions.defaults());
    }

    @Test
    void aSavedEndpointThatEncryptsOnThisComputerDoesSoFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("etc-backup");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("shadow"), "root:$6$hunter2\n".repeat(50));
        java.nio.file.Files.writeString(folder.resolve("hosts"), "10.0.0.1 pve1\n");
        Result up = run(sealedKeychain(true), "--rackside-profile", "Sealed", "sync", folder.toString(), "s3://lab-backups/etc/");
        assertEquals(0, up.code(), up.err());
        try (S3Engine s3 = direct()) {
            var meta = s3.head("lab-backups", "etc/shadow");
            assertTrue(meta.clientSideEncrypted(), meta.userMetadata().toString());
            byte[] stored = s3.presignGet("lab-backups", "etc/shadow", java.time.Duration.ofMinutes(1)).openStream().readAllBytes();
            assertTrue(!new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("hunter2"), "no plaintext on the server");
        }
        Result again = run(sealedKeychain(true), "--rackside-profile", "Sealed", "sync", folder.toString(), "s3://lab-backups/etc/");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.out(), "an encrypted object's larger size is not a change");

        Path back = tmp.resolve("back");
        Result down = run(sealedKeychain(true), "--rackside-profile", "Sealed", "cp", "s3://lab-backups/etc/", back.toString(), "--recursive");
        assertEquals(0, down.code(), down.err());
        assertEquals(java.nio.file.Files.readString(folder.resolve("shadow")), java.nio.file.Files.readString(back.resolve("shadow")));
        Result syncDown = run(sealedKeychain(true), "--rackside-profile", "Sealed", "sync", "s3://lab-backups/etc/", back.toString());
        assertEquals(0, syncDown.code(), syncDown.err());
        assertEquals("", syncDown.out(), "decrypted files match their objects");
    }

    @Test
    void withoutItsKeyAnEncryptingEndpointUploadsNothingInClear(@TempDir Path tmp) throws Exception {
        Path f = java.nio.file.Files.writeString(tmp.resolve("vault.txt"), "secret");
        Result r = run(sealedKeychain(false), "--rackside-profile", "Sealed", "cp", f.toString(), "s3://lab-backups/vault.txt");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Nothing was uploaded") && r.err().contains("paste its key"), r.err());
        try (S3Engine s3 = direct()) {
            assertTrue(s3.objects("lab-backups", "vault").findAny().isEmpty(), "nothing reached the server");
        }
    }

    @Test
    void sseAsAwsCliSpellsIt(@TempDir Path tmp) throws Exception {
        Path f = java.nio.file.Files.writeString(tmp.resolve("managed.txt"), "x");
        Result r = run(keychain("lab-secret"), "--rackside-profile", "Lab MinIO", "cp", f.toString(), "s3://lab-backups/managed.txt",
                "--sse", "AES256");
        assertEquals(0, r.code(), r.err());
        try (S3Engine s3 = direct()) {
            assertEquals(Optional.of("AES256"), s3.head("lab-backups", "managed.txt").serverSideEncryption());
        }
        Result bad = run(keychain("lab-secret"), "--rackside-profile", "Lab MinIO", "ls", "--sse-kms-key-id", "alias/x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--sse-kms-key-id needs --sse aws:kms"), bad.err());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(SecretLookup secrets, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // aws-cli's variables point elsewhere: a saved profile must not pick them up
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "wrong",
                "AWS_SECRET_ACCESS_KEY", "wrong");
        String[] all = new String[args.length + 4];
        all[0] = "--journal";
        all[1] = dir.resolve("journal.db").toString();
        all[2] = "--rackside-profiles";
        all[3] = profiles.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int code = RacksideS3.run(env, new PrintWriter(out, true), new PrintWriter(err, true), secrets, all);
        return new Result(code, out.toString(), err.toString());
    }

    static SecretLookup keychain(String secret) {
        return id -> id.equals(lab.id()) ? Optional.of(Secret.of(secret)) : Optional.empty();
    }

    @Test
    void listsThroughTheSavedProfileWithTheKeychainSecret() {
        Result buckets = run(keychain("lab-secret"), "--rackside-profile", "lab minio", "ls");
        assertEquals(0, buckets.code(), buckets.err());
        assertTrue(buckets.out().contains("lab-backups"), buckets.out());
        Result objects = run(keychain("lab-secret"), "--rackside-profile", lab.id().toString(), "ls", "s3://lab-backups/");
        assertEquals(0, objects.code(), objects.err());
        assertTrue(objects.out().contains("1234 vzdump-100.vma.zst"), objects.out());
    }

    @Test
    void aWrongSecretIsABadKey() {
        Result r = run(keychain("not-it"), "--rackside-profile", "Lab MinIO", "ls");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("secret key does not match"), r.err());
    }

    @Test
    void aMissingSecretOrProfileSaysWhatToDo() {
        Result noSecret = run(SecretLookup.none(), "--rackside-profile", "Lab MinIO", "ls");
        assertEquals(1, noSecret.code());
        assertTrue(noSecret.err().contains("not in this computer's keychain"), noSecret.err());
        Result unknown = run(keychain("lab-secret"), "--rackside-profile", "Prod", "ls");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("No Rackside endpoint named \"Prod\"") && unknown.err().contains("Lab MinIO"), unknown.err());
    }
}
