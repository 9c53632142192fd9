package dev.rackside.s3.profiles;

import dev.rackside.s3.S3Credentials;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/// An S3 endpoint as the operator saved it in Rackside, read by the app and by
/// `rackside-s3 --rackside-profile`. Holds NO secret: a secret access key lives in the OS keychain
/// under [#KEYCHAIN_SERVICE] and [#keychainAccount()].
///
/// @param id          the key of the profile and of its keychain entry
/// @param name        what the operator calls it
/// @param provider    the preset it was made from, or null
/// @param endpoint    the service URL (`https://…`), or null for AWS (derived from the region)
/// @param region      the signing region
/// @param pathStyle   `host/bucket/key` instead of `bucket.host/key`
/// @param credentials where the credentials come from
/// @param encryption  how uploads are encrypted (absent in files from before it existed: none)
public record EndpointProfile(UUID id, String name, ProviderPreset provider, String endpoint, String region,
                              boolean pathStyle, CredentialSource credentials, UploadEncryption encryption) {

    /// The keychain service Rackside saves secrets under (the account is the profile's id).
    public static final String KEYCHAIN_SERVICE = "Rackside";

    public EndpointProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credentials, "credentials");
        encryption = encryption == null ? UploadEncryption.none() : encryption;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The endpoint needs a name.");
        }
        name = name.strip();
        region = region == null || region.isBlank() ? "us-east-1" : region.strip();
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
        if (endpoint != null) {
            checkUrl(endpoint);
        }
    }

    /// A profile whose uploads are not encrypted by Rackside.
    public EndpointProfile(UUID id, String name, ProviderPreset provider, String endpoint, String region,
                           boolean pathStyle, CredentialSource credentials) {
        this(id, name, provider, endpoint, region, pathStyle, credentials, UploadEncryption.none());
    }

    public EndpointProfile withEncryption(UploadEncryption e) {
        return new EndpointProfile(id, name, provider, endpoint, region, pathStyle, credentials, e);
    }

    /// A new profile with a fresh id.
    public static EndpointProfile create(String name, ProviderPreset provider, String endpoint, String region,
                                         boolean pathStyle, CredentialSource credentials) {
        return new EndpointProfile(UUID.randomUUID(), name, provider, endpoint, region, pathStyle, credentials);
    }

    public Optional<ProviderPreset> preset() {
        return Optional.ofNullable(provider);
    }

    public Optional<URI> endpointUri() {
        return Optional.ofNullable(endpoint).map(URI::create);
    }

    /// The keychain account of this profile's secret key: its id, so renaming keeps the secret.
    public String keychainAccount() {
        return id.toString();
    }

    /// Where this profile's client-side encryption key is kept in the keychain, beside its secret
    /// key: an id of its own, derived from the profile's, so both live under the same service.
    public UUID clientKeyAccount() {
        return UUID.nameUUIDFromBytes(("rackside-client-side-key:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /// The engine's endpoint, with the secret key (if the source needs one) from `secrets`. A
    /// missing secret or an unanswering keychain does not throw: the endpoint then carries
    /// [S3Credentials.Unavailable] and each request explains what to do.
    public S3Endpoint toEndpoint(SecretLookup secrets) {
        Objects.requireNonNull(secrets, "secrets");
        return new S3Endpoint(name, endpointUri(), region, pathStyle, credentials(credentials, secrets));
    }

    private S3Credentials credentials(CredentialSource source, SecretLookup secrets) {
        return switch (source) {
            case CredentialSource.AwsProfile p -> new S3Credentials.Profile(p.profile());
            case CredentialSource.AssumeRole r -> {
                S3Credentials base = credentials(r.base(), secrets);
                yield base instanceof S3Credentials.Unavailable ? base
                        : new S3Credentials.AssumeRole(base, r.roleArn(), r.sessionName(), r.externalIdIfAny());
            }
            case CredentialSource.KeychainKeys k -> {
                Optional<Secret> secret;
                try {
                    secret = secrets.secretKey(id);
                } catch (RuntimeException e) {
                    yield new S3Credentials.Unavailable("The secret key of \"" + name + "\" could not be read from the keychain: "
                            + e.getMessage());
                }
                yield secret.<S3Credentials>map(s -> new S3Credentials.StaticKeys(k.accessKeyId(), s))
                        .orElseGet(() -> new S3Credentials.Unavailable("The secret key of \"" + name
                                + "\" is not in this computer's keychain. Edit the endpoint in Rackside and type the secret key again."));
            }
        };
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The endpoint URL is not valid: " + e.getReason() + ".", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("The endpoint URL must start with https:// or http://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The endpoint URL must name a host, e.g. https://s3.example.lan.");
        }
    }
}
