package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.TransferRequest;

import java.nio.file.Path;
import java.util.Optional;

/// How a [TransferRequest] is written in the [Journal] (kind, encryption) and read back into one
/// on resume. Never a key: only what is needed to resume.
final class JournalCodec {
    private JournalCodec() {
    }

    /// `UPLOAD` or `DOWNLOAD`, the journal's `kind` column.
    static String kind(TransferRequest r) {
        return r instanceof TransferRequest.Upload ? "UPLOAD" : "DOWNLOAD";
    }

    /// How the journal records an encryption: never a key, only what is needed to resume.
    static String sseKind(Encryption e) {
        return e instanceof Encryption.SseKms k ? "SseKms:" + k.keyId().orElse("") : e.getClass().getSimpleName();
    }

    /// The request a journal row describes, the inverse of [#kind] and [#sseKind].
    static TransferRequest request(String kind, String bucket, String key, String local, String sseKind) {
        Encryption sse = sseKind == null ? Encryption.none()
                : sseKind.equals("SseS3") ? new Encryption.SseS3()
                : sseKind.startsWith("SseKms:") ? new Encryption.SseKms(Optional.of(sseKind.substring(7)).filter(k -> !k.isEmpty()))
                : Encryption.none();
        return "UPLOAD".equals(kind) ? new TransferRequest.Upload(Path.of(local), bucket, key, sse)
                : new TransferRequest.Download(bucket, key, Path.of(local), sse);
    }
}
