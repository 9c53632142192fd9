package dev.rackside.s3;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

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

    /// A new random key.
    public static ClientSideKey generate() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new ClientSideKey(k);
    }

    /// A key as [#toText()] writes it (Base64, 44 characters); spaces and line breaks are ignored,
    /// so a key copied from a mail or a password manager reads back.
    ///
    /// @throws IllegalArgumentException with a sentence for the operator when it is not such a key
    public static ClientSideKey fromText(String text) {
        String compact = text == null ? "" : text.replaceAll("\\s+", "");
        byte[] k;
        try {
            k = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            k = new byte[0];
        }
        if (k.length != 32) {
            throw new IllegalArgumentException("This is not a Rackside client-side key: it is 44 characters of Base64"
                    + " (32 bytes), as \"Copy key\" gives it.");
        }
        return new ClientSideKey(k);
    }

    /// The key as text (Base64), to keep in the keychain or a password manager.
    public String toText() {
        return Base64.getEncoder().encodeToString(key);
    }

    /// The size on the server of a file of `plaintext` bytes encrypted with such a key: the cipher's
    /// header and one tag per chunk come on top (what sync compares sizes with).
    public static long encryptedLength(long plaintext) {
        return dev.rackside.s3.internal.ChunkedAead.encryptedLength(plaintext);
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
