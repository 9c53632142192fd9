import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/// Measurement floor for bench/s3/floor.sh, not product code: RawFloor's work done with the pieces
/// rackside-s3's small GETs and PUTs use (the SDK's `AwsV4HttpSigner` with a signed payload and the
/// `Apache5HttpClient`, as in `LeanObjects`), 8 threads, still no listing, journal, checksum of
/// our own or retries.
/// Usage: java SdkFloor get|put ENDPOINT BUCKET PREFIX KEYS_FILE DIR (credentials, region from AWS_*).
public final class SdkFloor {
    public static void main(String[] a) throws Exception {
        boolean put = a[0].equals("put");
        String base = a[1] + "/" + a[2] + "/" + a[3];
        List<String> names = Files.readAllLines(Path.of(a[4]));
        Path dir = put ? Path.of(a[5]) : Files.createDirectories(Path.of(a[5]));
        var credentials = AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).socketTimeout(Duration.ofSeconds(60)).build()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> {
                    SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().uri(URI.create(base + name));
                    if (put) {
                        byte[] body = Files.readAllBytes(dir.resolve(name));
                        b.method(SdkHttpMethod.PUT).putHeader("Content-Length", Integer.toString(body.length))
                                .contentStreamProvider(() -> new ByteArrayInputStream(body));
                    } else {
                        b.method(SdkHttpMethod.GET);
                    }
                    SdkHttpFullRequest request = b.build();
                    var signed = signer.sign(r -> r.identity(credentials).request(request)
                            .payload(request.contentStreamProvider().orElse(null))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                            .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, false));
                    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
                    try (InputStream in = response.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream);
                            OutputStream file = put ? OutputStream.nullOutputStream() : Files.newOutputStream(dir.resolve(name))) {
                        in.transferTo(file);
                    }
                    return response.httpResponse().isSuccessful();
                }));
            }
            long failed = 0;
            for (Future<Boolean> f : results) {
                failed += f.get() ? 0 : 1;
            }
            if (failed > 0) {
                System.err.println(failed + " requests failed");
                System.exit(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
