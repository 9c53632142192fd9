package dev.rackside.s3.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointParams;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/// Whole-object GET and PUT of small objects with the SDK's public pieces (the S3 endpoint rules,
/// `AwsV4HttpSigner`, and the very `SdkHttpClient` of the [Clients], so TLS settings and the
/// connection pool are shared) instead of the `S3Client` pipeline. In a short CLI run of thousands
/// of 64 KiB files most client CPU went to that pipeline's per-request work and to JIT-compiling
/// it. Only for custom endpoints whose bucket resolves to plain SigV4; everything else (AWS itself
/// with its FIPS/dual-stack settings, access points, S3 Express, any SSE or client-side
/// encryption) stays on the SDK path, which callers check with [#supports].
public final class LeanObjects implements AutoCloseable {
    private record Target(String base, String signingName, String signingRegion) {
    }

    private static final Target NONE = new Target("", "", "");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final boolean pathStyle;
    private final Duration timeout;
    private final java.time.Clock clock;
    /// Server time minus ours, learnt from a refused request as the S3Client learns it.
    private volatile Duration skew = Duration.ZERO;
    // Set once a server refused x-amz-checksum-mode (Backblaze B2): later GETs go without it.
    private volatile boolean checksumModeRefused;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    // Aborts a request that outlives the request timeout, as the SDK's attempt timeout does.
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rackside-s3-timeouts").factory());

    LeanObjects(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region, boolean pathStyle,
                Duration timeout) {
        this(http, credentials, endpoint, region, pathStyle, timeout, java.time.Clock.systemUTC());
    }

    LeanObjects(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region, boolean pathStyle,
                Duration timeout, java.time.Clock clock) {
        this.clock = clock;
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.region = region;
        this.pathStyle = pathStyle;
        this.timeout = timeout;
    }

    /// Whether `bucket` can take this path: the endpoint rules give a plain SigV4 endpoint for it.
    public boolean supports(String bucket) {
        return target(bucket) != NONE;
    }

    private Target target(String bucket) {
        return targets.computeIfAbsent(bucket, this::resolve);
    }

    // The S3Client's own rules with the client's settings, once per bucket: addressing style,
    // bucket names that cannot be host names, and what to sign with all come out as the SDK's.
    private Target resolve(String bucket) {
        try {
            Endpoint e = S3EndpointProvider.defaultProvider().resolveEndpoint(S3EndpointParams.builder()
                    .bucket(bucket).region(Region.of(region)).endpoint(endpoint.toString()).forcePathStyle(pathStyle)
                    .useFips(false).useDualStack(false).accelerate(false).disableS3ExpressSessionAuth(true)
                    .build()).join();
            var schemes = e.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
            if (schemes == null || schemes.size() != 1 || !(schemes.getFirst() instanceof SigV4AuthScheme v4)
                    || (v4.isDisableDoubleEncodingSet() && !v4.disableDoubleEncoding())) {
                return NONE;
            }
            String base = e.url().toString();
            return new Target(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                    Optional.ofNullable(v4.signingName()).orElse("s3"), Optional.ofNullable(v4.signingRegion()).orElse(region));
        } catch (RuntimeException e) {
            return NONE; // the SDK path will report whatever is wrong with this bucket
        }
    }

    /// Reads the body of a successful GET.
    interface BodyReader<T> {
        T read(SdkHttpResponse response, InputStream body) throws IOException, InterruptedException;
    }

    /// GET of the whole object, `If-Match: etag`. Errors come as the `S3Exception` the SDK would
    /// throw, I/O failures as its `SdkClientException`, so [Errors] and [Retrier] treat both alike.
    <T> T get(String bucket, String key, String ifMatch, BodyReader<T> reader) throws InterruptedException {
        SdkHttpFullRequest.Builder b = request(bucket, key, SdkHttpMethod.GET).putHeader("If-Match", ifMatch);
        boolean checksumMode = !checksumModeRefused;
        if (checksumMode) {
            // Asks for the object's full-object checksum, which the caller checks when the object
            // has no Rackside SHA-256 (B2 refuses the header: see below).
            b.putHeader("x-amz-checksum-mode", "ENABLED");
        }
        try {
            return execute(bucket, b, null, reader);
        } catch (S3Exception e) {
            if (!checksumMode || !ChecksumSupport.isRefusal(e)) {
                throw e;
            }
            checksumModeRefused = true;
            return get(bucket, key, ifMatch, reader);
        }
    }

    /// PUT of `body` with `headers` (Content-Type, Content-MD5, x-amz-meta-…). The signature covers
    /// the payload's SHA-256 (one pass over the bytes in memory); `send` supplies the bytes on
    /// the wire, so throttling and progress see them once.
    SdkHttpResponse put(String bucket, String key, Map<String, String> headers, byte[] body, ContentStreamProvider send)
            throws InterruptedException {
        SdkHttpFullRequest.Builder b = request(bucket, key, SdkHttpMethod.PUT)
                .putHeader("Content-Length", Integer.toString(body.length));
        headers.forEach(b::putHeader);
        b.contentStreamProvider(() -> new ByteArrayInputStream(body));
        return execute(bucket, b, send, (response, in) -> {
            in.transferTo(java.io.OutputStream.nullOutputStream()); // an empty body normally; read so the connection is reused
            return response;
        });
    }

    private SdkHttpFullRequest.Builder request(String bucket, String key, SdkHttpMethod method) {
        // Without one the HTTP client sends an empty User-Agent, which some proxies and WAFs in
        // front of S3 services refuse; and server logs should tell these requests apart.
        return SdkHttpFullRequest.builder().method(method).uri(uri(bucket, key)).putHeader("User-Agent", USER_AGENT);
    }

    static final String USER_AGENT = "rackside-s3 (lean; " + System.getProperty("java.vm.name", "java") + " "
            + Runtime.version().feature() + ")";

    /// The object's URL as the S3Client builds it.
    URI uri(String bucket, String key) {
        Target t = target(bucket);
        if (t == NONE) {
            throw new IllegalStateException("bucket " + bucket + " is not for the lean path");
        }
        // The S3Client's own key encoding (greedy path label): everything but '/' percent-encoded.
        return URI.create(t.base() + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
    }

    private <T> T execute(String bucket, SdkHttpFullRequest.Builder b, ContentStreamProvider send, BodyReader<T> reader)
            throws InterruptedException {
        Target t = target(bucket);
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SdkHttpFullRequest unsigned = b.build();
        var signed = signer.sign(r -> r.identity(identity).request(unsigned)
                .payload(unsigned.contentStreamProvider().orElse(null))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, t.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, t.signingRegion())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, java.time.Clock.offset(clock, skew)));
        ContentStreamProvider wire = send != null ? send : signed.payload().orElse(null);
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(wire).build());
        ScheduledFuture<?> alarm = watchdog.schedule(call::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            HttpExecuteResponse r = call.call();
            try (InputStream in = r.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream)) {
                SdkHttpResponse response = r.httpResponse();
                if (response.isSuccessful()) {
                    // As on the S3Client path, the timeout bounds the wait for an answer, not the
                    // reading of an object that keeps coming (a throttled GET may take longer); a
                    // stalled body still ends at the socket timeout. An error's short body stays
                    // under the timeout: it is part of the answer.
                    alarm.cancel(false);
                }
                if (!response.isSuccessful()) {
                    learnSkew(response);
                    throw LeanErrors.toException(response, in.readNBytes(MAX_ERROR_BODY));
                }
                return reader.read(response, in);
            }
        } catch (IOException e) {
            if (alarm.isDone() && !alarm.isCancelled()) {
                throw ApiCallAttemptTimeoutException.create(timeout.toMillis());
            }
            throw SdkClientException.create("Unable to execute HTTP request: " + e.getMessage(), e);
        } finally {
            alarm.cancel(false);
        }
    }

    /// A request refused (403, or 400 from Garage) by a server whose `Date` is more than four minutes from ours: later
    /// requests are signed at the server's time, as the S3Client adjusts its own after such an
    /// answer. The refusal itself still reaches the caller (a `RequestTimeTooSkewed` is reported as
    /// the operator's clock being off, see [Errors]).
    private void learnSkew(SdkHttpResponse response) {
        if (response.statusCode() != 403 && response.statusCode() != 400) {
            return;
        }
        response.firstMatchingHeader("Date").ifPresent(date -> {
            try {
                java.time.Instant server = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, java.time.Instant::from);
                Duration off = Duration.between(clock.instant(), server);
                if (off.abs().compareTo(Duration.ofMinutes(4)) > 0) {
                    skew = off;
                }
            } catch (java.time.format.DateTimeParseException ignored) {
                // no usable server time: nothing to learn
            }
        });
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
