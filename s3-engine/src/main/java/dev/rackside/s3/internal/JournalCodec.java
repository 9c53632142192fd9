package dev.rackside.s3.internal;

import dev.rackside.s3.ClientSideKey;
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

    // Appended to a queued row's encryption when the transfer was given a client-side key.
    private static final String CLIENT_SIDE = "+cse";

    /// A queued row's encryption column: [#sseKind], marked when the request has a client-side key
    /// (so it is resumed only with the key again, never as plaintext).
    static String queuedKind(TransferRequest r) {
        return sseKind(r.encryption()) + (r.clientSideKey().isPresent() ? CLIENT_SIDE : "");
    }

    /// Whether a queued row was given a client-side key.
    static boolean clientSide(String queuedKind) {
        return queuedKind != null && queuedKind.endsWith(CLIENT_SIDE);
    }

    /// The request a journal row describes, the inverse of [#kind] and [#sseKind] (or [#queuedKind]).
    static TransferRequest request(String kind, String bucket, String key, String local, String sseKind,
                                   Optional<ClientSideKey> clientKey) {
        String s = clientSide(sseKind) ? sseKind.substring(0, sseKind.length() - CLIENT_SIDE.length()) : sseKind;
        Encryption sse = s == null ? Encryption.none()
                : s.equals("SseS3") ? new Encryption.SseS3()
                : s.startsWith("SseKms:") ? new Encryption.SseKms(Optional.of(s.substring(7)).filter(k -> !k.isEmpty()))
                : Encryption.none();
        return "UPLOAD".equals(kind) ? new TransferRequest.Upload(Path.of(local), bucket, key, sse, clientKey)
                : new TransferRequest.Download(bucket, key, Path.of(local), sse, clientKey);
    }
}
