package dev.rackside.s3.cli;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferRequest;

import java.io.PrintWriter;
import java.util.List;

/// Waits for submitted transfers and reports each like aws-cli ("upload: a to s3://b/a").
final class Batch {
    private Batch() {
    }

    static void await(List<Transfer> transfers, PrintWriter out, PrintWriter err) {
        int failed = 0;
        for (Transfer t : transfers) {
            try {
                t.await();
                out.println(describe(t.request()));
            } catch (S3EngineException e) {
                failed++;
                err.println("failed: " + describe(t.request()) + ": " + e.getMessage());
            }
            out.flush();
            err.flush();
        }
        if (failed > 0) {
            throw new IllegalArgumentException(failed + " of " + transfers.size() + " transfer(s) failed");
        }
    }

    static String describe(TransferRequest r) {
        return switch (r) {
            case TransferRequest.Upload u -> "upload: " + u.local() + " to s3://" + u.bucket() + "/" + u.key();
            case TransferRequest.Download d -> "download: s3://" + d.bucket() + "/" + d.key() + " to " + d.local();
        };
    }
}
