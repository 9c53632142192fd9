package dev.rackside.s3.cli;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3Engine;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;


/// A real S3 server (S3Proxy, filesystem store) for the CLI's end-to-end tests, configured
/// through aws-cli's variables, and a way to run one command line against it.
abstract class CliTestBase {
    @TempDir
    static Path store;
    @TempDir
    static Path home;
    static S3Proxy proxy;
    static Map<String, String> env;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(store.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "cli-id", "cli-secret")
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + proxy.getPort(), "AWS_ACCESS_KEY_ID", "cli-id",
                "AWS_SECRET_ACCESS_KEY", "cli-secret", "AWS_REGION", "us-east-1");
        try (S3Engine s3 = S3Engine.open(endpoint(), EngineOptions.defaults())) {
            s3.createBucket("cli");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    static S3Endpoint endpoint() {
        return S3Endpoint.builder("cli").endpoint(env.get("AWS_ENDPOINT_URL")).pathStyle(true)
                .staticKeys("cli-id", "cli-secret").build();
    }

    static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--journal";
        all[1] = home.resolve("journal.db").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = RacksideS3.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(env, args);
    }

    static Path file(Path dir, String name, int size) throws Exception {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, b);
        return p;
    }
}
