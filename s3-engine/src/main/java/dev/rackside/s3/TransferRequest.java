package dev.rackside.s3;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/// What to transfer. The same request submitted again (same bucket, key and local path) resumes
/// the journalled transfer instead of starting over.
public sealed interface TransferRequest {

    String bucket();

    String key();

    Path local();

    Encryption encryption();

    /// The key for client-side encryption, if the object is (to be) encrypted on this machine.
    Optional<ClientSideKey> clientSideKey();

    /// Upload one local file to `bucket/key`.
    record Upload(Path local, String bucket, String key, Encryption encryption, Optional<ClientSideKey> clientSideKey)
            implements TransferRequest {
        public Upload {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(encryption, "encryption");
            Objects.requireNonNull(clientSideKey, "clientSideKey");
        }

        public Upload(Path local, String bucket, String key, Encryption encryption) {
            this(local, bucket, key, encryption, Optional.empty());
        }

        public Upload(Path local, String bucket, String key) {
            this(local, bucket, key, Encryption.none());
        }
    }

    /// Download `bucket/key` to a local file, through `local.part` renamed once verified.
    record Download(String bucket, String key, Path local, Encryption encryption, Optional<ClientSideKey> clientSideKey)
            implements TransferRequest {
        public Download {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(encryption, "encryption");
            Objects.requireNonNull(clientSideKey, "clientSideKey");
        }

        public Download(String bucket, String key, Path local, Encryption encryption) {
            this(bucket, key, local, encryption, Optional.empty());
        }

        public Download(String bucket, String key, Path local) {
            this(bucket, key, local, Encryption.none());
        }
    }
}
