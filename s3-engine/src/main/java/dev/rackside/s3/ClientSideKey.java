package dev.rackside.s3;

import java.security.MessageDigest;

/// A 256-bit key for client-side encryption: objects are encrypted with AES-256-GCM on this
/// machine before they are sent, so the server only ever stores ciphertext. The caller keeps the
/// key (Rackside keeps it in the OS keychain); without it the objects cannot be read back.
public final class ClientSideKey {
    private final byte[] key;

    public ClientSideKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A client-side key must be 32 bytes (AES-256)");
        }
        this.key = key.clone();
    }

    /// The key bytes; call only where data is encrypted or decrypted.
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientSideKey k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return 19;
    }

    @Override
    public String toString() {
        return "ClientSideKey[****]";
    }
}
