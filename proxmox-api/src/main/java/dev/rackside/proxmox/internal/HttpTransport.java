package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.TrustPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/// Sends one API request over HTTPS and returns the unwrapped envelope or a typed error.
/// Logs method, path, status and duration only: never parameters, headers or bodies.
public final class HttpTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.rackside.proxmox");
    static final ObjectMapper JSON = new ObjectMapper();

    /// Adds authentication headers; `write` is true for POST/PUT/DELETE (CSRF token needed with tickets).
    public interface Authorizer {
        void authorize(Request.Builder request, boolean write) throws ProxmoxException;
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final RetryPolicy retry;

    public HttpTransport(ConnectionSpec spec, RetryPolicy retry) {
        this.retry = retry;
        this.base = HttpUrl.get(spec.baseUrl() + "/api2/json");
        PinningTrustManager trust = new PinningTrustManager(spec.trust());
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this JVM", e);
        }
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .connectTimeout(spec.connectTimeout())
                .readTimeout(spec.readTimeout())
                .writeTimeout(spec.readTimeout())
                // pveproxy speaks HTTP/1.1 only, and its error text lives in the reason phrase.
                .protocols(List.of(Protocol.HTTP_1_1))
                // OkHttp would silently re-send POSTs on a broken connection; only GETs may be retried, by us.
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        if (spec.trust() instanceof TrustPolicy.PinnedCertificate) {
            b.hostnameVerifier((host, session) -> true); // the pin, checked during the handshake, is the identity
        }
        this.http = b.build();
    }

    public ApiResponse execute(String method, String path, Params params, Authorizer auth) throws ProxmoxException {
        boolean idempotent = "GET".equals(method);
        int attempts = idempotent ? retry.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, path, params, auth);
            } catch (Retryable r) {
                if (attempt >= attempts) {
                    throw r.failure;
                }
                LOG.log(Level.DEBUG, () -> method + " " + path + " failed (" + r.failure.getClass().getSimpleName() + "), retrying");
                sleep(retry.delayAfter(attempt));
            }
        }
    }

    private ApiResponse once(String method, String path, Params params, Authorizer auth) throws ProxmoxException, Retryable {
        Request.Builder rb = new Request.Builder();
        HttpUrl.Builder url = base.newBuilder().addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        boolean write = !"GET".equals(method);
        if ("GET".equals(method) || "DELETE".equals(method)) {
            params.pairs().forEach(p -> url.addQueryParameter(p[0], p[1]));
            rb.method(method, null);
        } else {
            FormBody.Builder form = new FormBody.Builder();
            params.pairs().forEach(p -> form.add(p[0], p[1]));
            RequestBody body = form.build();
            rb.method(method, body);
        }
        rb.url(url.build()).header("Accept", "application/json");
        auth.authorize(rb, write);
        long start = System.nanoTime();
        try (Response response = http.newCall(rb.build()).execute()) {
            int status = response.code();
            LOG.log(Level.DEBUG, () -> method + " " + path + " -> " + status + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            JsonNode body = parse(response.body());
            if (status >= 200 && status < 300) {
                if (body == null || !body.isObject()) {
                    throw new ProxmoxException.UnexpectedAnswer(method + " " + path + " returned no JSON object", null);
                }
                JsonNode total = body.get("total");
                return new ApiResponse(body.path("data"),
                        total != null && total.canConvertToInt() || total != null && total.isTextual()
                                ? OptionalInt.of(Lenient.intValue(body, "total")) : OptionalInt.empty());
            }
            ProxmoxException failure = ErrorMapper.map(status, response.message(), body, method, path);
            if (status == 502 || status == 503 || status == 504) {
                throw new Retryable(failure);
            }
            throw failure;
        } catch (IOException e) {
            throw classify(e, method, path);
        }
    }

    private static JsonNode parse(ResponseBody body) {
        try {
            String text = body.string();
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null; // error pages from proxies are not JSON; the status and reason still say enough
        }
    }

    private Retryable classify(IOException e, String method, String path) throws ProxmoxException {
        CertificateRejected rejected = findCause(e, CertificateRejected.class);
        if (rejected != null) {
            throw rejected.reason() == CertificateRejected.Reason.CHANGED
                    ? new ProxmoxException.CertificateChanged(rejected.pinned(), rejected.presented(), e)
                    : new ProxmoxException.UnknownCertificate(rejected.presented(), e);
        }
        if (e instanceof SSLException || findCause(e, SSLException.class) != null) {
            throw new ProxmoxException.TlsFailure(e.getMessage(), e);
        }
        String where = base.host() + ":" + base.port();
        if (e instanceof UnknownHostException) {
            return new Retryable(new ProxmoxException.NodeUnreachable(0, "unknown host " + base.host(), e));
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Retryable(new ProxmoxException.NodeUnreachable(0, "cannot connect to " + where + " (" + e.getMessage() + ")", e));
        }
        if (e instanceof InterruptedIOException) {
            // Not retried: a node that did not answer within the read timeout rarely answers the second time,
            // and three timeouts in a row would freeze a refresh for minutes.
            throw new ProxmoxException.Timeout("an answer from " + where + " to " + method + " " + path, e);
        }
        return new Retryable(new ProxmoxException.NodeUnreachable(0, "connection to " + where + " failed (" + e.getMessage() + ")", e));
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            for (Throwable s : c.getSuppressed()) {
                T found = findCause(s, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep(java.time.Duration d) throws ProxmoxException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxmoxException.Timeout("a retry (interrupted)", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /// A failure worth another try (GET only): connection trouble, timeouts, 502-504.
    private static final class Retryable extends Exception {
        final ProxmoxException failure;

        Retryable(ProxmoxException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
