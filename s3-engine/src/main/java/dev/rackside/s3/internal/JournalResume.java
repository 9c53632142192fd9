package dev.rackside.s3.internal;

import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/// Submits again what the journal still holds after a restart or crash. Keys are never written
/// down, so what needs one waits in the journal until a caller gives it.
final class JournalResume {
    private final Journal journal;
    private final Function<TransferRequest, Transfer> submit;

    JournalResume(Journal journal, Function<TransferRequest, Transfer> submit) {
        this.journal = journal;
        this.submit = submit;
    }

    List<Transfer> resume(Optional<ClientSideKey> clientKey, boolean encryptUploads) {
        // In-flight transfers first (they resume from stored parts and ranges), then those that had not
        // stored anything yet; a file that is both is submitted once.
        Set<Transfer> out = new LinkedHashSet<>();
        Set<FileKey> seen = new HashSet<>();
        for (Journal.Entry e : journal.all()) {
            if (!"SseC".equals(e.sse())) {
                // Another tool's upload goes on as it was begun (plain), whatever new uploads are set to.
                one(e.kind(), e.bucket(), e.key(), e.local(), e.sse(), e.nonce() != null, clientKey,
                        encryptUploads && e.adopted() == null)
                        .ifPresent(t -> {
                            out.add(t);
                            seen.add(FileKey.of(t.request()));
                        });
            }
        }
        for (Journal.Queued q : journal.queued()) {
            if (!seen.contains(new FileKey(q.kind(), q.bucket(), q.key(), q.local()))) {
                one(q.kind(), q.bucket(), q.key(), q.local(), q.sse(), JournalCodec.clientSide(q.sse()), clientKey,
                        encryptUploads).ifPresent(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    private Optional<Transfer> one(String kind, String bucket, String key, String local, String sse, boolean sealed,
                                   Optional<ClientSideKey> clientKey, boolean encryptUploads) {
        boolean upload = "UPLOAD".equals(kind);
        boolean needsKey = sealed || upload && encryptUploads;
        if (needsKey && clientKey.isEmpty()) {
            return Optional.empty(); // keys are not kept in the journal: never resumed in clear
        }
        return Optional.of(submit.apply(JournalCodec.request(kind, bucket, key, local, sse,
                needsKey || !upload ? clientKey : Optional.empty())));
    }
}
