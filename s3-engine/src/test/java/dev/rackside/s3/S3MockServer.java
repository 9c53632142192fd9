package dev.rackside.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Adobe's S3Mock, a second S3 implementation written by other people, run as a child JVM on a
/// loopback port. The build copies its jar (see the s3-engine pom); it accepts any key pair.
final class S3MockServer implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120); // Spring Boot on two busy cores
    private final Process process;
    private final Path log;
    final URI endpoint;

    private S3MockServer(Process process, Path log, URI endpoint) {
        this.process = process;
        this.log = log;
        this.endpoint = endpoint;
    }

    static S3MockServer start(Path workDir) throws Exception {
        String jar = System.getProperty("rackside.secondS3.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Mock's jar is missing (" + jar + "): run the tests through Maven, which copies it");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=0", // its HTTPS connector, unused
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.vectors.httpPort=0", "--com.adobe.testing.s3mock.vectors.httpsPort=0",
                "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("store"),
                "--spring.main.banner-mode=off"));
        Path log = workDir.resolve("s3mock.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3MockServer server = new S3MockServer(p, log, URI.create("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + START.toSeconds() + " s:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /// S3Mock checks no signature, so any key pair does; path-style like every self-hosted server.
    S3Endpoint endpoint() {
        return S3Endpoint.builder("s3mock").endpoint(endpoint).pathStyle(true).staticKeys("second-key", "second-secret").build();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
