package dev.rackside.pvesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/// A bare HTTPS client for probing the simulator the way an independent checker would: it sees
/// status, reason phrase, headers and raw body, and trusts exactly the simulator's certificate.
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String reason, String contentType, String body, long millis) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final OkHttpClient http;
    private final String base;

    RawHttp(SimulatedCluster pve) {
        try {
            X509TrustManager tm = pve.trustManager();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            http = new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm)
                    .hostnameVerifier((h, s) -> true).readTimeout(Duration.ofSeconds(20)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        base = pve.url() + "/api2/json";
    }

    static String tokenHeader(SimulatedCluster pve) {
        return "PVEAPIToken=root@pam!rackside=" + pve.apiTokenSecret();
    }

    Answer get(String path, Map<String, String> headers) {
        Request.Builder b = new Request.Builder().url(base + path);
        headers.forEach(b::header);
        return send(b.build());
    }

    Answer post(String path, Map<String, String> form, Map<String, String> headers) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder b = new Request.Builder().url(base + path).post(body.build());
        headers.forEach(b::header);
        return send(b.build());
    }

    private Answer send(Request r) {
        long t0 = System.nanoTime();
        try (Response res = http.newCall(r).execute()) {
            String body = res.body().string();
            return new Answer(res.code(), res.message(), res.header("Content-Type"), body, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
