package dev.rackside.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/// A saved connection to one S3 service: AWS itself or any compatible server (MinIO, Ceph RGW,
/// Garage, S3Proxy…).
///
/// @param name        what the operator calls it
/// @param endpoint    the service URL, or empty for AWS (the SDK then derives it from the region)
/// @param region      the signing region; `us-east-1` for most non-AWS servers
/// @param pathStyle   `http://host/bucket/key` instead of `http://bucket.host/key`; needed by
///                    most self-hosted servers, whose DNS has no wildcard for bucket names
/// @param credentials where the keys come from
public record S3Endpoint(String name, Optional<URI> endpoint, String region, boolean pathStyle, S3Credentials credentials) {

    public S3Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (region.isBlank()) {
            throw new IllegalArgumentException("The region must not be blank (use us-east-1 when unsure).");
        }
        endpoint.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("The endpoint must be an http:// or https:// URL: " + u);
            }
        });
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /// Builds an [S3Endpoint]; region defaults to `us-east-1`, credentials to the default chain.
    public static final class Builder {
        private final String name;
        private URI endpoint;
        private String region = "us-east-1";
        private boolean pathStyle;
        private S3Credentials credentials = new S3Credentials.DefaultChain();

        private Builder(String name) {
            this.name = name;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public Builder credentials(S3Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder staticKeys(String accessKeyId, String secretAccessKey) {
            return credentials(new S3Credentials.StaticKeys(accessKeyId, Secret.of(secretAccessKey)));
        }

        public S3Endpoint build() {
            return new S3Endpoint(name, Optional.ofNullable(endpoint), region, pathStyle, credentials);
        }
    }
}
