package dev.rackside.s3.internal;

import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.S3EngineException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/// Rackside's client-side encryption format, "RKS3 v1": chunked AES-256-GCM, so that any part of
/// an upload can be (re)encrypted and any range of a download decrypted on its own.
///
/// ```
/// object  = header chunk*
/// header  = "RKS3" | version 0x01 | 3 × 0x00 | chunk size (u32 BE) | nonce prefix (8 random bytes)
///           | plaintext length (u64 BE) | 4 × 0x00                              -- 32 bytes
/// chunk i = AES-256-GCM(key, nonce = nonce prefix | i (u32 BE), aad = header, plaintext[i·C, (i+1)·C))
///           = ciphertext (≤ C bytes) | tag (16 bytes)
/// ```
///
/// The header is the additional authenticated data of every chunk, so changing the length or the
/// nonce breaks every tag; the chunk index in the nonce stops chunks being reordered; the
/// authenticated length (and so the chunk count) stops truncation. A fresh random nonce prefix
/// per upload keeps (key, nonce) pairs unique across uploads; a resumed upload keeps its prefix
/// (journalled) and re-encrypts unchanged plaintext, which reproduces the same ciphertext.
/// Chunks are 64 KiB, so part and range boundaries (multiples of 1 MiB) fall on chunk boundaries.
public final class ChunkedAead {
    public static final int HEADER = 32;
    public static final int TAG = 16;
    public static final int CHUNK = 64 * 1024;
    public static final String META = "rackside-cse";
    public static final String FORMAT = "RKS3-AES256GCM-v1";
    private static final byte[] MAGIC = "RKS3".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final byte[] header;
    private final long plaintextLength;

    private ChunkedAead(ClientSideKey key, byte[] header, long plaintextLength) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
        this.header = header;
        this.plaintextLength = plaintextLength;
    }

    /// For a new upload of `length` bytes, with a fresh nonce prefix.
    public static ChunkedAead forNewUpload(ClientSideKey key, long length) {
        byte[] prefix = new byte[8];
        new SecureRandom().nextBytes(prefix);
        return withPrefix(key, length, prefix);
    }

    /// For resuming an upload with its journalled nonce prefix.
    public static ChunkedAead withPrefix(ClientSideKey key, long length, byte[] prefix) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) 1).put(new byte[3]).putInt(CHUNK).put(prefix)
                .putLong(length).put(new byte[4]);
        return new ChunkedAead(key, h.array(), length);
    }

    /// For reading an object whose first 32 bytes are `header`.
    public static ChunkedAead fromHeader(ClientSideKey key, byte[] header, String object) {
        ByteBuffer h = ByteBuffer.wrap(header);
        byte[] magic = new byte[4];
        h.get(magic);
        if (header.length != HEADER || !Arrays.equals(magic, MAGIC) || h.get() != 1 || h.getInt(8) != CHUNK) {
            throw new S3EngineException.IntegrityFailed(object, "client-side encryption header", FORMAT, "an unknown header");
        }
        return new ChunkedAead(key, header.clone(), h.getLong(20));
    }

    public byte[] noncePrefix() {
        return Arrays.copyOfRange(header, 12, 20);
    }

    public long plaintextLength() {
        return plaintextLength;
    }

    /// What an encrypted object keeps as its `rackside-sha256`: not the plaintext's SHA-256, which
    /// would let the server confirm a guessed file, but an HMAC of it under a key derived from the
    /// client-side key, marked `hmac-` (objects stored before carry the bare SHA-256).
    public static String sealedDigest(ClientSideKey key, byte[] sha256) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] macKey = derive.doFinal("rackside-sha256-mac-v1".getBytes(StandardCharsets.US_ASCII));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return SEALED_DIGEST + java.util.HexFormat.of().formatHex(mac.doFinal(sha256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /// The prefix of [#sealedDigest].
    public static final String SEALED_DIGEST = "hmac-";

    /// The `rackside-sha256` an upload stores for a file whose SHA-256 is `sha256` (hex): that
    /// SHA-256 itself, or [#sealedDigest] of it when the file is encrypted with `key`.
    public static String storedSha256(java.util.Optional<ClientSideKey> key, String sha256) {
        return key.map(k -> sealedDigest(k, java.util.HexFormat.of().parseHex(sha256))).orElse(sha256);
    }

    /// Size of the stored object for `plaintext` bytes.
    public static long encryptedLength(long plaintext) {
        return HEADER + plaintext + (plaintext + CHUNK - 1) / CHUNK * TAG;
    }

    /// Offset of chunk `index` in the stored object.
    public static long chunkOffset(long index) {
        return HEADER + index * (CHUNK + TAG);
    }

    /// Encrypts plaintext starting at `offset` (a multiple of the chunk size); the header is
    /// prepended when `offset` is 0, so consecutive parts concatenate to the stored object.
    public byte[] encrypt(long offset, byte[] plain) {
        if (offset % CHUNK != 0) {
            throw new IllegalArgumentException("parts must start on a chunk boundary");
        }
        int chunks = (plain.length + CHUNK - 1) / CHUNK;
        ByteBuffer out = ByteBuffer.allocate((offset == 0 ? HEADER : 0) + plain.length + chunks * TAG);
        if (offset == 0) {
            out.put(header);
        }
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int len = Math.min(CHUNK, plain.length - from);
            out.put(run(Cipher.ENCRYPT_MODE, offset / CHUNK + c, plain, from, len, "encrypt"));
        }
        return out.array();
    }

    /// Decrypts whole chunks starting with chunk `firstChunk`; a wrong key or altered byte fails loudly.
    public byte[] decrypt(long firstChunk, byte[] sealed, int length, String object) {
        ByteBuffer out = ByteBuffer.allocate(length);
        int pos = 0;
        for (long index = firstChunk; pos < length; index++) {
            int len = Math.min(CHUNK + TAG, length - pos);
            try {
                out.put(run(Cipher.DECRYPT_MODE, index, sealed, pos, len, "decrypt"));
            } catch (S3EngineException.IntegrityFailed e) {
                throw new S3EngineException.IntegrityFailed(object, "AES-GCM tag of chunk " + index,
                        "authentic data", "a wrong key or altered data");
            }
            pos += len;
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private byte[] run(int mode, long index, byte[] data, int off, int len, String what) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(header, 12, 8).putInt((int) index).array();
            c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(header);
            return c.doFinal(data, off, len);
        } catch (AEADBadTagException e) {
            throw new S3EngineException.IntegrityFailed("data", "AES-GCM tag", "authentic", "altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK; cannot " + what, e);
        }
    }
}
