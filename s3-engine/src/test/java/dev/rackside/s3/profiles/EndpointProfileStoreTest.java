package dev.rackside.s3.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.S3EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The endpoints file: round trips every credential source, never holds a secret, ignores what it
/// does not know and keeps entries from a newer Rackside.
class EndpointProfileStoreTest {
    @TempDir
    Path dir;

    private static EndpointProfile minio() {
        return EndpointProfile.create("Lab MinIO", ProviderPreset.MINIO, "https://minio.lab:9000", "us-east-1", true,
                new CredentialSource.KeychainKeys("AKIDLAB"));
    }

    @Test
    void roundTripsEveryCredentialSource() {
        Path file = dir.resolve("cfg/s3-endpoints.json");
        EndpointProfileStore store = EndpointProfileStore.read(file);
        assertTrue(store.list().isEmpty());
        EndpointProfile keys = minio();
        EndpointProfile aws = EndpointProfile.create("AWS prod", ProviderPreset.AWS, null, "eu-west-3", false,
                new CredentialSource.AwsProfile("prod"));
        EndpointProfile role = EndpointProfile.create("Backups role", null, "https://s3.us-west-004.backblazeb2.com", "us-west-004",
                false, new CredentialSource.AssumeRole("arn:aws:iam::123456789012:role/backup", "", " ext-1 ",
                        new CredentialSource.KeychainKeys("AKIDBASE")));
        store.put(keys);
        store.put(aws);
        store.put(role);

        EndpointProfileStore again = EndpointProfileStore.read(file);
        assertEquals(List.of(keys, aws, role), again.list());
        CredentialSource.AssumeRole read = (CredentialSource.AssumeRole) again.list().get(2).credentials();
        assertEquals("rackside", read.sessionName());
        assertEquals("ext-1", read.externalId());
        assertEquals(aws, again.find("aws PROD").orElseThrow());
        assertEquals(keys, again.find(keys.id().toString()).orElseThrow());
    }

    @Test
    void uploadEncryptionRoundTripsAndOldFilesReadAsNone() throws Exception {
        Path file = dir.resolve("s3-endpoints.json");
        EndpointProfile kms = minio().withEncryption(new UploadEncryption(UploadEncryption.Mode.SSE_KMS, " alias/backups "));
        EndpointProfile sealed = EndpointProfile.create("Sealed", ProviderPreset.GARAGE, "http://garage.lab:3900", "garage", true,
                new CredentialSource.KeychainKeys("GK2")).withEncryption(new UploadEncryption(UploadEncryption.Mode.CLIENT_SIDE, "x"));
        EndpointProfileStore.read(file).put(kms);
        EndpointProfileStore.read(file).put(sealed);
        List<EndpointProfile> back = EndpointProfileStore.read(file).list();
        assertEquals(List.of(kms, sealed), back);
        assertEquals(new dev.rackside.s3.Encryption.SseKms(java.util.Optional.of("alias/backups")), back.get(0).encryption().serverSide());
        assertTrue(back.get(1).encryption().clientSide());
        assertEquals(null, back.get(1).encryption().kmsKeyId(), "a key id only belongs to SSE-KMS");
        assertFalse(Files.readString(file).toLowerCase().contains("secret"));

        // A file written before upload encryption existed.
        Files.writeString(file, Files.readString(file).replaceAll("(?s),\\s*\"encryption\"\\s*:\\s*\\{[^}]*}", ""));
        assertFalse(Files.readString(file).contains("encryption"), Files.readString(file));
        assertEquals(UploadEncryption.none(), EndpointProfileStore.read(file).list().getFirst().encryption());
        assertTrue(!kms.clientKeyAccount().equals(kms.id()) && kms.clientKeyAccount().equals(kms.withEncryption(null).clientKeyAccount()),
                "the client-side key has its own keychain account, stable for the profile");
    }

    @Test
    void editingKeepsThePlaceAndRemovingForgets() {
        Path file = dir.resolve("s3-endpoints.json");
        EndpointProfileStore store = EndpointProfileStore.read(file);
        EndpointProfile a = minio();
        EndpointProfile b = EndpointProfile.create("Garage", ProviderPreset.GARAGE, "http://garage.lab:3900", "garage", true,
                new CredentialSource.KeychainKeys("GK1"));
        store.put(a);
        store.put(b);
        EndpointProfile renamed = new EndpointProfile(a.id(), "MinIO (lab)", a.provider(), a.endpoint(), a.region(), true, a.credentials());
        store.put(renamed);
        assertEquals(List.of(renamed, b), EndpointProfileStore.read(file).list());
        store.remove(a.id());
        assertEquals(List.of(b), EndpointProfileStore.read(file).list());
    }

    @Test
    void theFileHoldsNoSecretOnlyTheAccessKeyId() throws Exception {
        Path file = dir.resolve("s3-endpoints.json");
        EndpointProfileStore.read(file).put(minio());
        String json = Files.readString(file);
        assertTrue(json.contains("\"accessKeyId\" : \"AKIDLAB\""), json);
        assertTrue(json.contains("\"type\" : \"keychain-keys\""), json);
        assertFalse(json.toLowerCase().contains("secret"), json);
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownEntriesKept() throws Exception {
        Path file = dir.resolve("s3-endpoints.json");
        UUID id = UUID.randomUUID();
        Files.writeString(file, """
                {"version": 3, "theme": "dark", "endpoints": [
                  {"id": "%s", "name": "Wasabi", "provider": "WASABI", "endpoint": "https://s3.eu-central-1.wasabisys.com",
                   "region": "eu-central-1", "pathStyle": false, "colour": "green",
                   "credentials": {"type": "keychain-keys", "accessKeyId": "WAS1", "rotated": "2026-01-01"}},
                  {"id": "%s", "name": "Future", "credentials": {"type": "web-identity", "tokenFile": "/run/token"}}
                ]}
                """.formatted(id, UUID.randomUUID()));
        EndpointProfileStore store = EndpointProfileStore.read(file);
        assertEquals(1, store.list().size());
        assertEquals("WAS1", ((CredentialSource.KeychainKeys) store.find(id).orElseThrow().credentials()).accessKeyId());

        store.put(minio());
        String json = Files.readString(file);
        assertTrue(json.contains("web-identity") && json.contains("/run/token"), "the newer entry survives a save: " + json);
        assertEquals(2, EndpointProfileStore.read(file).list().size());
    }

    @Test
    void aDamagedFileIsReportedOrSetAside() throws Exception {
        Path file = dir.resolve("s3-endpoints.json");
        Files.writeString(file, "{ this is not json");
        var e = assertThrows(S3EngineException.Misconfigured.class, () -> EndpointProfileStore.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

        EndpointProfileStore store = EndpointProfileStore.readOrSetAside(file);
        assertTrue(store.list().isEmpty());
        assertTrue(store.loadWarning().orElseThrow().contains(".bak"), store.loadWarning().get());
        assertTrue(Files.exists(dir.resolve("s3-endpoints.json.bak")));
        assertFalse(Files.exists(file));
    }

    @Test
    void aFailedWriteSaysWhereAndChangesNothing() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        EndpointProfileStore store = EndpointProfileStore.read(blocker.resolve("s3-endpoints.json"));
        var e = assertThrows(S3EngineException.LocalFileProblem.class, () -> store.put(minio()));
        assertTrue(e.getMessage().contains("s3-endpoints.json"), e.getMessage());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void foldersFollowTheOperatingSystem() {
        Path home = Path.of("/home/ops");
        assertEquals(Path.of("/cfg/rackside"), RacksideFolders.of("Linux", java.util.Map.of("XDG_CONFIG_HOME", "/cfg"), home).config());
        assertEquals(home.resolve("Library/Application Support/Rackside"), RacksideFolders.of("Mac OS X", java.util.Map.of(), home).config());
        assertEquals(Path.of("/r/config"), RacksideFolders.under(Path.of("/r")).config());
    }
}
