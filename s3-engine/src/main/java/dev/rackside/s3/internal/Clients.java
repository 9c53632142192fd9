package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.PresignedUpload;
import dev.rackside.s3.S3Credentials;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/// Builds the SDK clients for one endpoint. The SDK's own retries are off: [Retrier] retries
/// every call, so transfers can also retry on integrity failures and count tries.
public final class Clients implements AutoCloseable {
    private final DeferredHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;
    private final S3Endpoint endpoint;
    private final LeanObjects lean;
    private final EngineOptions options;
    // Built on the first presign (rare, and ~10 ms of every start otherwise); guarded by this.
    private S3Presigner presigner;

    public Clients(S3Endpoint endpoint, EngineOptions options) {
        this.http = new DeferredHttpClient("Apache5", () -> Apache5HttpClient.builder()
                .maxConnections(Math.max(64, options.concurrency() * 2))
                .connectionTimeout(options.connectTimeout())
                .socketTimeout(Duration.ofSeconds(60))
                .build());
        this.credentials = provider(endpoint.credentials(), endpoint, http);
        this.options = options;
        this.endpoint = endpoint;
        var builder = builder(endpoint.region());
        endpoint.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.lean = endpoint.endpoint().map(uri -> new LeanObjects(http, credentials, uri, endpoint.region(),
                endpoint.pathStyle(), options.requestTimeout())).orElse(null);
    }

    /// A client of AWS's `region` with this endpoint's credentials and settings, for the one request
    /// AWS wants sent there (creating a bucket in another region); the caller closes it. An endpoint
    /// override is not kept: it names the endpoint's own region.
    public S3Client inAwsRegion(String region) {
        // A lambda, not the provider itself: closing an S3Client closes the provider it was given, and
        // this one (SSO, role, profile) goes on serving the endpoint's own client.
        AwsCredentialsProvider shared = credentials::resolveCredentials;
        return builder(region).credentialsProvider(shared).build();
    }

    /// Whether requests go to AWS itself (no override, or an amazonaws.com one).
    public boolean aws() {
        return aws(s3);
    }

    /// Whether `client`'s requests go to AWS itself.
    static boolean aws(S3Client client) {
        return client.serviceClientConfiguration().endpointOverride().map(Clients::isAws).orElse(true);
    }

    private software.amazon.awssdk.services.s3.S3ClientBuilder builder(String region) {
        return S3Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(endpoint.pathStyle())
                // Checksums are chosen per request (header checksums S3Proxy and others keep);
                // the default trailer checksums are dropped by several S3 servers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                // Content-MD5 on the calls that require a checksum (DeleteObjects above all), as
                // S3's API documents and aws-cli sends: MinIO, Ceph RGW and others refuse the
                // CRC32-only requests SDK 2.30+ makes there by default.
                .addPlugin(LegacyMd5Plugin.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(options.requestTimeout()));
    }

    /// Waits for the HTTP client built in the background; throws what building it threw, so a
    /// client that cannot be built fails the engine's opening rather than its first request.
    public void awaitHttpClient() {
        http.awaitBuilt();
    }

    /// Small-object GET/PUT without the S3Client pipeline, for custom endpoints only (AWS itself
    /// keeps the SDK's FIPS, dual-stack and regional endpoint settings); null otherwise.
    public LeanObjects lean() {
        return lean;
    }

    public S3Client s3() {
        return s3;
    }

    public synchronized S3Presigner presigner() {
        if (presigner == null) {
            var presign = S3Presigner.builder().region(Region.of(endpoint.region())).credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.pathStyle()).build());
            endpoint.endpoint().ifPresent(presign::endpointOverride);
            presigner = presign.build();
        }
        return presigner;
    }

    public java.net.URL presignGet(String bucket, String key, Duration expiry) {
        return presigner().presignGetObject(p -> p.signatureDuration(expiry).getObjectRequest(g -> g.bucket(bucket).key(key))).url();
    }

    /// The SSE headers are signed (not moved into the query), as S3 requires for a presigned PUT.
    public PresignedUpload presignPut(String bucket, String key, Duration expiry, Encryption encryption) {
        PresignedPutObjectRequest signed = presigner().presignPutObject(p -> p.signatureDuration(expiry)
                .putObjectRequest(g -> Sse.apply(g.bucket(bucket).key(key), encryption)));
        Map<String, String> headers = new HashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return new PresignedUpload(signed.url(), headers);
    }

    static AwsCredentialsProvider provider(S3Credentials c, S3Endpoint endpoint, SdkHttpClient http) {
        return switch (c) {
            case S3Credentials.StaticKeys k -> StaticCredentialsProvider.create(k.sessionToken()
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(t -> AwsSessionCredentials.create(
                            k.accessKeyId(), k.secretAccessKey().reveal(), t.reveal()))
                    .orElseGet(() -> AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal())));
            case S3Credentials.Profile p -> {
                try {
                    yield ProfileCredentialsProvider.builder().profileName(p.name()).build();
                } catch (RuntimeException e) {
                    throw new S3EngineException.Misconfigured("The AWS profile \"" + p.name()
                            + "\" could not be read from ~/.aws/config or ~/.aws/credentials: " + e.getMessage(), e);
                }
            }
            case S3Credentials.AssumeRole r -> {
                var sts = StsClient.builder().httpClient(http).region(Region.of(endpoint.region()))
                        .credentialsProvider(provider(r.base(), endpoint, http));
                // MinIO and Ceph RGW answer AssumeRole on the S3 endpoint itself; AWS's STS does not
                // know their keys. An endpoint on amazonaws.com (a VPC or FIPS one) keeps AWS's STS.
                endpoint.endpoint().filter(uri -> !isAws(uri)).ifPresent(sts::endpointOverride);
                StsClient client = sts.build();
                var assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(client).refreshRequest(req -> {
                    req.roleArn(r.roleArn()).roleSessionName(r.sessionName());
                    r.externalId().ifPresent(req::externalId);
                }).build();
                // The provider closes only its cache, not the STS client it was given.
                yield new ClosingProvider(assumed, () -> {
                    assumed.close();
                    client.close();
                });
            }
            case S3Credentials.Unavailable u -> () -> {
                throw new S3EngineException.Misconfigured(u.reason(), null);
            };
            case S3Credentials.DefaultChain d -> DefaultCredentialsProvider.builder().build();
        };
    }

    /// A credentials provider with what must be closed along with it.
    private record ClosingProvider(AwsCredentialsProvider provider, Runnable closer)
            implements AwsCredentialsProvider, AutoCloseable {
        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    static boolean isAws(java.net.URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    @Override
    public void close() {
        if (lean != null) {
            lean.close();
        }
        synchronized (this) {
            if (presigner != null) {
                presigner.close();
            }
        }
        s3.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a credentials cache cannot fail in a way the caller could act on
            }
        }
        http.close();
    }
}
