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

/// Measurement floor for bench/s3/floor.sh, not product code: RawPut's work done with the pieces
/// rackside-s3's small PUTs use (the SDK's `AwsV4HttpSigner` with a signed payload and the
/// `Apache5HttpClient`, as in `LeanObjects`), 8 threads, still no journal, checksum or retries.
/// Usage: java SdkPut ENDPOINT BUCKET PREFIX KEYS_FILE IN_DIR (credentials and region from AWS_*).
public final class SdkPut {
    public static void main(String[] a) throws Exception {
        String base = a[0] + "/" + a[1] + "/" + a[2];
        List<String> names = Files.readAllLines(Path.of(a[3]));
        Path in0 = Path.of(a[4]);
        var credentials = AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).socketTimeout(Duration.ofSeconds(60)).build()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> {
                    byte[] body = Files.readAllBytes(in0.resolve(name));
                    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT)
                            .uri(URI.create(base + name)).putHeader("Content-Length", Integer.toString(body.length))
                            .contentStreamProvider(() -> new ByteArrayInputStream(body)).build();
                    var signed = signer.sign(r -> r.identity(credentials).request(request)
                            .payload(request.contentStreamProvider().orElseThrow())
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                            .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, false));
                    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request()).contentStreamProvider(signed.payload().orElseThrow()).build()).call();
                    try (InputStream in = response.responseBody().orElse(null)) {
                        if (in != null) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    return response.httpResponse().isSuccessful();
                }));
            }
            long failed = 0;
            for (Future<Boolean> f : results) {
                failed += f.get() ? 0 : 1;
            }
            if (failed > 0) {
                System.err.println(failed + " PUTs failed");
                System.exit(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
