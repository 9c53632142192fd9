package dev.rackside.s3.profiles;

import java.util.Optional;

/// The S3 services Rackside knows the usual settings of. A preset only fills in defaults: every
/// field stays editable, and [#OTHER] covers any other S3-compatible server.
public enum ProviderPreset {
    AWS("Amazon S3", "us-east-1", false, null, null),
    MINIO("MinIO", "us-east-1", true, null, "https://minio.example.lan:9000"),
    // RGW's default frontend listens on 7480 without TLS.
    CEPH_RGW("Ceph RGW", "us-east-1", true, null, "http://rgw.example.lan:7480"),
    BACKBLAZE_B2("Backblaze B2", "us-west-004", false, "https://s3.{region}.backblazeb2.com", null),
    WASABI("Wasabi", "us-east-1", false, "https://s3.{region}.wasabisys.com", null),
    // R2 signs with the pseudo-region "auto"; the host carries the account id, which only the operator knows.
    CLOUDFLARE_R2("Cloudflare R2", "auto", true, null, "https://<account-id>.r2.cloudflarestorage.com"),
    // Garage's default s3_region in garage.toml is "garage".
    GARAGE("Garage", "garage", true, null, "http://garage.example.lan:3900"),
    OTHER("Other S3-compatible", "us-east-1", true, null, "https://s3.example.lan");

    private final String displayName;
    private final String defaultRegion;
    private final boolean pathStyle;
    private final String endpointTemplate;
    private final String endpointExample;

    ProviderPreset(String displayName, String defaultRegion, boolean pathStyle, String endpointTemplate, String endpointExample) {
        this.displayName = displayName;
        this.defaultRegion = defaultRegion;
        this.pathStyle = pathStyle;
        this.endpointTemplate = endpointTemplate;
        this.endpointExample = endpointExample;
    }

    /// The service's own name ("Backblaze B2"), the same in every language.
    public String displayName() {
        return displayName;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /// Whether buckets are addressed as `host/bucket` by default: self-hosted servers seldom have
    /// wildcard DNS for `bucket.host`.
    public boolean pathStyle() {
        return pathStyle;
    }

    /// Whether the endpoint URL follows from the region alone (AWS, B2, Wasabi).
    public boolean endpointFollowsRegion() {
        return this == AWS || endpointTemplate != null;
    }

    /// The service URL for `region` when it follows from it (B2, Wasabi); empty for AWS (the SDK
    /// derives it) and for services whose URL only the operator knows.
    public Optional<String> endpointFor(String region) {
        if (endpointTemplate == null || region == null || region.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(endpointTemplate.replace("{region}", region.strip()));
    }

    /// What the URL of such a service looks like, as a hint in an empty field; empty for AWS.
    public Optional<String> endpointExample() {
        return Optional.ofNullable(endpointExample).or(() -> endpointFor(defaultRegion));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
