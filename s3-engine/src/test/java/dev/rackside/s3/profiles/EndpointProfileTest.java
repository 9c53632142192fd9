package dev.rackside.s3.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.S3Credentials;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// A saved profile becomes the engine's endpoint, its secret key from the lookup it is given.
class EndpointProfileTest {

    private static SecretLookup map(Map<UUID, String> secrets) {
        return id -> Optional.ofNullable(secrets.get(id)).map(Secret::of);
    }

    @Test
    void keychainKeysTakeTheSecretFromTheLookup() {
        EndpointProfile p = EndpointProfile.create("Lab", ProviderPreset.MINIO, "https://minio.lab:9000", "", true,
                new CredentialSource.KeychainKeys(" AKID1 "));
        S3Endpoint e = p.toEndpoint(map(Map.of(p.id(), "s3cr3t")));
        assertEquals("Lab", e.name());
        assertEquals(Optional.of(URI.create("https://minio.lab:9000")), e.endpoint());
        assertEquals("us-east-1", e.region());
        assertTrue(e.pathStyle());
        assertEquals(new S3Credentials.StaticKeys("AKID1", Secret.of("s3cr3t")), e.credentials());
        assertEquals(p.id().toString(), p.keychainAccount());
    }

    @Test
    void aMissingOrUnreadableSecretSaysSoInsteadOfThrowing() {
        EndpointProfile p = EndpointProfile.create("Lab", null, null, "eu-west-1", false, new CredentialSource.KeychainKeys("AKID1"));
        var missing = assertInstanceOf(S3Credentials.Unavailable.class, p.toEndpoint(SecretLookup.none()).credentials());
        assertTrue(missing.reason().contains("not in this computer's keychain"), missing.reason());
        var broken = assertInstanceOf(S3Credentials.Unavailable.class, p.toEndpoint(id -> {
            throw new IllegalStateException("the keychain did not answer within 10 s");
        }).credentials());
        assertTrue(broken.reason().contains("did not answer"), broken.reason());
    }

    @Test
    void awsProfilesAndRolesMapToTheEngine() {
        EndpointProfile viaProfile = EndpointProfile.create("AWS", ProviderPreset.AWS, null, "eu-west-3", false,
                new CredentialSource.AwsProfile("prod"));
        assertEquals(new S3Credentials.Profile("prod"), viaProfile.toEndpoint(SecretLookup.none()).credentials());
        assertEquals(Optional.empty(), viaProfile.toEndpoint(SecretLookup.none()).endpoint());

        EndpointProfile role = EndpointProfile.create("Role", ProviderPreset.AWS, null, "eu-west-3", false,
                new CredentialSource.AssumeRole("arn:aws:iam::1:role/r", "ops", "x-1", new CredentialSource.KeychainKeys("AKID2")));
        S3Credentials c = role.toEndpoint(map(Map.of(role.id(), "base-secret"))).credentials();
        assertEquals(new S3Credentials.AssumeRole(new S3Credentials.StaticKeys("AKID2", Secret.of("base-secret")),
                "arn:aws:iam::1:role/r", "ops", Optional.of("x-1")), c);
        assertInstanceOf(S3Credentials.Unavailable.class, role.toEndpoint(SecretLookup.none()).credentials());
        assertTrue(role.credentials().needsKeychainSecret());
        assertTrue(!viaProfile.credentials().needsKeychainSecret());
    }

    @Test
    void invalidFieldsAreRefusedWithAReason() {
        CredentialSource keys = new CredentialSource.KeychainKeys("A");
        assertThrows(IllegalArgumentException.class, () -> EndpointProfile.create(" ", null, null, null, false, keys));
        var e = assertThrows(IllegalArgumentException.class, () -> EndpointProfile.create("x", null, "ftp://h", null, false, keys));
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointProfile.create("x", null, "https://", null, false, keys));
        assertThrows(IllegalArgumentException.class, () -> new CredentialSource.KeychainKeys(""));
        assertThrows(IllegalArgumentException.class, () -> new CredentialSource.AssumeRole("arn", null, null,
                new CredentialSource.AssumeRole("arn2", null, null, keys)));
    }

    @Test
    void presetsKnowTheirServices() {
        assertEquals(Optional.of("https://s3.eu-central-003.backblazeb2.com"), ProviderPreset.BACKBLAZE_B2.endpointFor("eu-central-003"));
        assertEquals(Optional.of("https://s3.eu-west-1.wasabisys.com"), ProviderPreset.WASABI.endpointFor("eu-west-1"));
        assertEquals("auto", ProviderPreset.CLOUDFLARE_R2.defaultRegion());
        assertTrue(ProviderPreset.MINIO.pathStyle() && ProviderPreset.GARAGE.pathStyle() && ProviderPreset.CEPH_RGW.pathStyle());
        assertTrue(!ProviderPreset.AWS.pathStyle());
        assertEquals(Optional.empty(), ProviderPreset.AWS.endpointFor("us-east-1"));
        assertEquals(Optional.empty(), ProviderPreset.MINIO.endpointFor("us-east-1"));
    }
}
