package dev.rackside.s3.internal;

import dev.rackside.s3.TransferRequest;

/// One file's transfer in one direction, whatever its encryption: the journal's identity too.
record FileKey(String kind, String bucket, String key, String local) {
    static FileKey of(TransferRequest r) {
        return new FileKey(JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString());
    }
}
