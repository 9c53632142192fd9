package dev.rackside.app.feature.s3;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Credentials;

/// The demo S3 server, for tests that save it as an endpoint the way an operator would: its URL
/// and keys as they would be typed into the endpoint form.
public record DemoServer(DemoS3 s3, String url, String accessKey, String secretKey) implements AutoCloseable {

    public static DemoServer start() {
        DemoS3 s3 = DemoS3.start("Demo S3", EngineOptions.defaults());
        var keys = (S3Credentials.StaticKeys) s3.endpoint().credentials();
        return new DemoServer(s3, s3.endpoint().endpoint().orElseThrow().toString(), keys.accessKeyId(),
                keys.secretAccessKey().reveal());
    }

    @Override
    public void close() {
        s3.close();
    }
}
