package dev.rackside.s3;

import java.util.Objects;
import java.util.Optional;

/// Server-side encryption of an object. Client-side encryption, where plaintext never leaves
/// the machine, is [ClientSideKey] instead.
public sealed interface Encryption {

    /// The bucket's default.
    record None() implements Encryption {
    }

    /// SSE-S3: the server encrypts with keys it manages (AES256).
    record SseS3() implements Encryption {
    }

    /// SSE-KMS: the server encrypts with a KMS key; empty means the account's default key.
    record SseKms(Optional<String> keyId) implements Encryption {
        public SseKms {
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /// SSE-C: the server encrypts with a 256-bit key the client sends with every request and
    /// does not keep. Losing the key loses the object.
    final class SseC implements Encryption {
        private final byte[] key;

        public SseC(byte[] key) {
            if (key.length != 32) {
                throw new IllegalArgumentException("An SSE-C key must be 32 bytes (AES-256)");
            }
            this.key = key.clone();
        }

        /// The key; call only where it is sent to the server.
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SseC c && java.security.MessageDigest.isEqual(key, c.key);
        }

        @Override
        public int hashCode() {
            return 17;
        }

        @Override
        public String toString() {
            return "SseC[****]";
        }
    }

    static Encryption none() {
        return new None();
    }

}
