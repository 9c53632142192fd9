package dev.rackside.s3;

import java.net.URI;
import java.nio.file.Path;

/// Runs one throttled transfer in a child JVM so a test can kill it mid-way. Prints its progress
/// (a test's child process, not the library, so stdout is fine here).
public final class CrashChild {
    private CrashChild() {
    }

    /// Arguments: upload|download, endpoint, journal, local file, bucket, key, bytes per second.
    public static void main(String[] args) {
        long limit = Long.parseLong(args[6]);
        EngineOptions options = S3ProxyServer.fastOptions().journal(Path.of(args[2])).uploadLimit(limit)
                .downloadLimit(limit).concurrency(2).build();
        try (S3Engine engine = S3Engine.open(S3ProxyServer.endpoint(URI.create(args[1])), options)) {
            engine.transfers().addListener(new TransferListener() {
                @Override
                public void bytesTransferred(TransferProgress p) {
                    System.out.println("PROGRESS " + p.transferredBytes());
                    System.out.flush();
                }
            });
            Transfer t = "upload".equals(args[0])
                    ? engine.transfers().upload(Path.of(args[3]), args[4], args[5])
                    : engine.transfers().download(args[4], args[5], Path.of(args[3]));
            t.await();
            System.out.println("DONE");
        }
    }
}
