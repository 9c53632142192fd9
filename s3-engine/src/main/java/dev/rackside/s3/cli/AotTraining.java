package dev.rackside.s3.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/// The build's training run for the CLI's JDK AOT cache (`rackside-s3.aot`, JEP 483/515): run
/// once under `-XX:AOTCacheOutput=…` with the same class path as the launcher (the shaded jar
/// alone), it drives the commands users run most against a throw-away S3Proxy. The cache then
/// holds the classes loaded and linked, and the method profiles, of a real workload, so a later
/// `rackside-s3` starts in about half the time and compiles the hot paths sooner.
///
/// Arguments: a file with S3Proxy's class path (one line, path-separated, as written by
/// `dependency:build-classpath`), a scratch folder, and a file that receives the JDK's
/// `java.runtime.version` (a cache only loads into the exact JDK build that wrote it, and the
/// launcher compares this with the JDK it picked). S3Proxy runs as a child process so none of
/// its classes enter this JVM (and the cache).
public final class AotTraining {
    private static final String KEY = "aot-training";
    private static final String SECRET = "aot-training-secret";

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path classpath = Path.of(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        Files.writeString(Path.of(args[2]), System.getProperty("java.runtime.version") + "\n");
        deleteTree(work);
        Files.createDirectories(work.resolve("store/train"));
        int port = freePort();
        Process server = startServer(Files.readString(classpath).strip(), work, port);
        int failures = 0;
        try {
            awaitPort(port, server);
            failures = workload(work, "http://127.0.0.1:" + port);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            deleteTree(work);
        }
        // A failed step still leaves a usable (if thinner) cache; the build should not break on it.
        System.out.println("rackside-s3 AOT training done" + (failures == 0 ? "" : ", " + failures + " steps failed"));
        System.exit(0);
    }

    /// Small files up and down (the per-request path), one multipart file up and down (parts,
    /// ranges, hashing), listing and deleting: each once, as the CLI would run them.
    private static int workload(Path work, String endpoint) throws IOException {
        Path small = work.resolve("data/small");
        Files.createDirectories(small);
        Random random = new Random(4);
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < 300; i++) {
            random.nextBytes(block);
            Files.write(small.resolve("f" + i + ".bin"), block);
        }
        Path big = work.resolve("data/big.bin");
        byte[] chunk = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 48; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        String journal = work.resolve("journal.db").toString();
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"ls", "s3://train/"});
        steps.add(new String[] {"cp", small.toString(), "s3://train/small/", "--recursive"});
        steps.add(new String[] {"cp", "s3://train/small/", work.resolve("out/small").toString(), "--recursive"});
        steps.add(new String[] {"cp", big.toString(), "s3://train/big.bin"});
        steps.add(new String[] {"cp", "s3://train/big.bin", work.resolve("out/big.bin").toString()});
        steps.add(new String[] {"ls", "s3://train/small/"});
        steps.add(new String[] {"rm", "s3://train/", "--recursive"});
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint);
        int failures = 0;
        for (String[] step : steps) {
            String[] line = new String[step.length + 2];
            line[0] = "--journal";
            line[1] = journal;
            System.arraycopy(step, 0, line, 2, step.length);
            StringWriter err = new StringWriter();
            int code = RacksideS3.run(env, new PrintWriter(new StringWriter()), new PrintWriter(err), line);
            if (code != 0) {
                failures++;
                System.err.println("AOT training step " + String.join(" ", step) + " exited " + code + ": " + err);
            }
        }
        return failures;
    }

    private static Process startServer(String classpath, Path work, int port) throws IOException {
        Path conf = work.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + KEY,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + work.resolve("store"),
                "s3proxy.ignore-unknown-headers=true", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "org.gaul.s3proxy.Main", "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process server) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("S3Proxy exited with " + server.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100); // still starting
            }
        }
        throw new IOException("S3Proxy did not open port " + port + " within 60 s");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
