package dev.rackside.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// A worker that dies of an `Error` (out of memory, a class that fails to load) must still end
/// its transfer: FAILED, with the future completed, so nobody awaits it for ever.
class WorkerErrorTest {
    @TempDir
    static Path store;
    static S3ProxyServer server;

    /// A wall clock that breaks the way a failed class load would: with an Error.
    static final class BrokenClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new AssertionError("the clock broke");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.onDisk(store);
        try (S3Engine e = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build())) {
            e.createBucket("err");
            e.putBytes("err", "a.bin", new byte[100_000], "application/octet-stream", Encryption.none());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void anErrorInTheWorkerFailsTheTransfer(@TempDir Path dir) {
        // The bandwidth schedule reads the clock on every chunk, inside the worker.
        BandwidthSchedule schedule = BandwidthSchedule.builder(ZoneOffset.UTC).otherwise(0, 0).build();
        EngineOptions options = S3ProxyServer.fastOptions().schedule(schedule).clock(new BrokenClock()).build();
        try (S3Engine engine = S3Engine.open(server.endpoint(), options)) {
            Transfer t = engine.transfers().download("err", "a.bin", dir.resolve("a.bin"));
            ExecutionException e = assertThrows(ExecutionException.class, () -> t.completion().get(20, TimeUnit.SECONDS));
            assertInstanceOf(S3EngineException.Internal.class, e.getCause());
            assertEquals(TransferState.FAILED, t.state());
        }
    }
}
