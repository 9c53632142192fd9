package dev.rackside.s3;

import java.util.List;
import java.util.Map;

/// What a batch delete did: keys deleted, and key → the server's reason for the ones it refused.
public record DeleteResult(List<String> deleted, Map<String, String> failed) {
    public DeleteResult {
        deleted = List.copyOf(deleted);
        failed = Map.copyOf(failed);
    }
}
