package dev.rackside.s3.internal;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/// An [SdkHttpClient] built on a thread of its own: most of building the Apache client is its TLS
/// set-up (reading the trust store, the public-suffix list), about 0.1 s of every command-line
/// start, and it can run while the S3 client is configured around this stand-in
/// ([Clients#awaitHttpClient] then waits for it before the engine is handed out).
final class DeferredHttpClient implements SdkHttpClient {
    private final FutureTask<SdkHttpClient> building;
    private final String name;

    DeferredHttpClient(String name, Supplier<SdkHttpClient> build) {
        this.name = name;
        this.building = Futures.inBackground("rackside-http-client", build::get);
    }

    /// Waits until the client is built; throws what building it threw.
    void awaitBuilt() {
        Futures.join(building);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return Futures.join(building).prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        SdkHttpClient client;
        try {
            client = Futures.joinUninterruptibly(building);
        } catch (RuntimeException | Error failed) {
            return; // never built, so nothing to close; awaitBuilt() reported why
        }
        client.close();
    }
}
