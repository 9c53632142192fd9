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

/// Measurement floor for bench/s3/floor.sh, not product code: RawGet's work done with the pieces
/// rackside-s3's small GETs use (the SDK's `AwsV4HttpSigner` and `Apache5HttpClient`, as in
/// `LeanObjects`), 8 threads, and still no listing, journal, verification or retries.
/// Usage: java SdkGet ENDPOINT BUCKET PREFIX KEYS_FILE OUT_DIR (credentials and region from AWS_*).
public final class SdkGet {
    public static void main(String[] a) throws Exception {
        String base = a[0] + "/" + a[1] + "/" + a[2];
        List<String> names = Files.readAllLines(Path.of(a[3]));
        Path out = Files.createDirectories(Path.of(a[4]));
        var credentials = AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).socketTimeout(Duration.ofSeconds(60)).build()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> {
                    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                            .uri(URI.create(base + name)).build();
                    var signed = signer.sign(r -> r.identity(credentials).request(request).payload(null)
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                            .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, false));
                    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request()).build()).call();
                    try (InputStream in = response.responseBody().orElseThrow();
                            OutputStream file = Files.newOutputStream(out.resolve(name))) {
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
                System.err.println(failed + " GETs failed");
                System.exit(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
