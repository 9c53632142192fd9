package dev.rackside.s3.internal;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/// An [SdkHttpClient] built on a thread of its own: most of building the Apache client is its TLS
/// set-up (reading the trust store, the public-suffix list), about 0.1 s of every command-line
/// start, and nothing needs the client until the first request.
final class DeferredHttpClient implements SdkHttpClient {
    private final FutureTask<SdkHttpClient> building;
    private final String name;

    DeferredHttpClient(String name, Supplier<SdkHttpClient> build) {
        this.name = name;
        this.building = new FutureTask<>(build::get);
        // A platform thread, as in Journal#openInBackground (a virtual one could deadlock).
        Thread.ofPlatform().daemon().name("rackside-http-client").start(building);
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
            return; // never built, so nothing to close; the first request reported why
        }
        client.close();
    }
}
