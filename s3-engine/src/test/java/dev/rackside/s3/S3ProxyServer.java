package dev.rackside.s3;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/// A real S3 server (S3Proxy) in this JVM on an ephemeral loopback port.
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "local-identity";
    static final String SECRET_KEY = "local-credential";

    private final S3Proxy proxy;
    final URI endpoint;

    private S3ProxyServer(S3Proxy proxy) throws Exception {
        this.proxy = proxy;
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /// In memory; the only store with versioning, SSE-S3 and SSE-C.
    static S3ProxyServer inMemory() throws Exception {
        return start(new TransientNio2BlobStore(), b -> { });
    }

    /// Real files under `dir` (metadata in xattrs), like the demo mode.
    static S3ProxyServer onDisk(Path dir) throws Exception {
        return start(new FilesystemNio2BlobStore(dir.toString()), b -> { });
    }

    static S3ProxyServer start(org.gaul.s3proxy.blobstore.BlobStore store, Consumer<S3Proxy.Builder> tweak) throws Exception {
        S3Proxy.Builder b = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true); // the SDK sends x-amz-mp-object-size on CompleteMultipartUpload
        tweak.accept(b);
        return new S3ProxyServer(b.build());
    }

    S3Endpoint endpoint() {
        return endpoint(endpoint);
    }

    /// A plain SDK client of this server, for what another tool would do: no Rackside metadata,
    /// no checksums unless asked.
    software.amazon.awssdk.services.s3.S3Client raw() {
        return software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(endpoint)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    static S3Endpoint endpoint(URI uri) {
        return S3Endpoint.builder("test").endpoint(uri).pathStyle(true).staticKeys(ACCESS_KEY, SECRET_KEY).build();
    }

    static EngineOptions.Builder fastOptions() {
        return EngineOptions.builder().minPartSize(5 * EngineOptions.MIB).multipartThreshold(5 * EngineOptions.MIB)
                .rangeSize(EngineOptions.MIB).retryDelays(Duration.ofMillis(10), Duration.ofMillis(100))
                .progressInterval(Duration.ofMillis(50));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
