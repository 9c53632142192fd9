package dev.rackside.proxmox.bench;

import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/// Time and heap for the inventory's main request: `GET /cluster/resources` with 5,000 guests on
/// 64 nodes, fetched and decoded by [ProxmoxClient], against the floor of the same run: the same
/// request over a bare OkHttp client that only reads the bytes. Writes its table into
/// docs/benchmarks.md between markers, so the numbers there are always the last measured ones.
public final class ResourcesBenchmark {
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        Path doc = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        try (SimulatedCluster pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(64, 5000))) {
            var creds = new Credentials.ApiToken(SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID, Secret.of(pve.apiTokenSecret()));
            var spec = new ConnectionSpec(pve.host(), pve.port(), creds, TrustPolicy.pinned(pve.fingerprint()),
                    Duration.ofSeconds(5), Duration.ofSeconds(60));
            OkHttpClient raw = rawClient(pve);
            String url = pve.url() + "/api2/json/cluster/resources";
            String auth = "PVEAPIToken=" + creds.fullTokenId() + "=" + pve.apiTokenSecret();
            try (ProxmoxClient client = ProxmoxClient.connect(spec)) {
                int rows = client.cluster().resources().size();
                List<Long> decoded = new ArrayList<>();
                List<Long> bytesOnly = new ArrayList<>();
                long size = 0;
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    long t0 = System.nanoTime();
                    List<ClusterResource> r = client.cluster().resources();
                    long t1 = System.nanoTime();
                    size = fetchBytes(raw, url, auth);
                    long t2 = System.nanoTime();
                    if (r.size() != rows) {
                        throw new IllegalStateException("row count changed");
                    }
                    if (i >= WARMUP) {
                        decoded.add(t1 - t0);
                        bytesOnly.add(t2 - t1);
                    }
                }
                MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
                long before = settledHeap(mem);
                List<ClusterResource> held = client.cluster().resources();
                long after = settledHeap(mem);
                if (held.isEmpty()) {
                    throw new IllegalStateException("nothing decoded");
                }
                String table = table(rows, size, decoded, bytesOnly, after - before);
                System.out.println(table); // the harness's output is its report
                write(doc, table);
            }
        }
    }

    private static String table(int rows, long bytes, List<Long> decoded, List<Long> raw, long retained) {
        double d = median(decoded) / 1e6;
        double r = median(raw) / 1e6;
        return String.join("\n",
                "Measured " + LocalDate.now() + " on this project's CI machine class (2 cores), JDK " + Runtime.version().feature()
                        + ", simulator in the same JVM on loopback HTTPS. " + RUNS + " runs after " + WARMUP + " warm-up runs.",
                "",
                "| what | median | p90 | ratio to floor |",
                "|---|---|---|---|",
                String.format("| `ProxmoxClient.cluster().resources()`: fetch + decode %,d rows (%,d bytes) | %.1f ms | %.1f ms | %.2f× |",
                        rows, bytes, d, percentile(decoded, 0.9) / 1e6, d / r),
                String.format("| floor: same request, bare OkHttp, bytes read, no decoding | %.1f ms | %.1f ms | 1.00× |",
                        r, percentile(raw, 0.9) / 1e6),
                "",
                String.format("Heap retained by the decoded list of %,d typed records: %.1f MiB (after GC, held vs. released).",
                        rows, retained / 1048576.0));
    }

    private static long fetchBytes(OkHttpClient raw, String url, String auth) throws IOException {
        try (Response res = raw.newCall(new Request.Builder().url(url).header("Authorization", auth).build()).execute()) {
            return res.body().bytes().length;
        }
    }

    private static long settledHeap(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Long> xs) {
        return percentile(xs, 0.5);
    }

    private static double percentile(List<Long> xs, double p) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo);
    }

    private static OkHttpClient rawClient(SimulatedCluster pve) throws Exception {
        X509TrustManager tm = pve.trustManager();
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
        return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm).hostnameVerifier((h, s) -> true)
                .readTimeout(Duration.ofSeconds(60)).build();
    }

    private static void write(Path doc, String table) throws IOException {
        String begin = "<!-- bench:proxmox-api-resources -->";
        String end = "<!-- /bench:proxmox-api-resources -->";
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        String block = begin + "\n" + table + "\n" + end;
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        text = b >= 0 && e > b ? text.substring(0, b) + block + text.substring(e + end.length())
                : text + "\n## proxmox-api: `/cluster/resources` with 5,000 guests\n\n" + block + "\n";
        Files.writeString(doc, text, StandardCharsets.UTF_8);
    }
}
