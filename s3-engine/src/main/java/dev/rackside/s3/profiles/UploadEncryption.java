package dev.rackside.s3.profiles;

import dev.rackside.s3.Encryption;
import java.util.Optional;

/// How a saved endpoint encrypts what Rackside uploads to it. Holds no key: a client-side key
/// lives in the OS keychain under [EndpointProfile#clientKeyAccount()].
///
/// SSE-C is not offered here: its key must be sent with every later read, and a bucket that also
/// holds other objects would then answer those reads with errors. The engine and its API keep it.
///
/// @param mode     what happens to uploads
/// @param kmsKeyId the KMS key of [Mode#SSE_KMS], or null for the account's default key
public record UploadEncryption(Mode mode, String kmsKeyId) {

    public enum Mode {
        /// The bucket's default encryption, if it has one.
        NONE,
        /// SSE-S3: the server encrypts with keys it manages.
        SSE_S3,
        /// SSE-KMS: the server encrypts with a KMS key.
        SSE_KMS,
        /// AES-256-GCM on this computer: the server only ever stores ciphertext.
        CLIENT_SIDE
    }

    public UploadEncryption {
        mode = mode == null ? Mode.NONE : mode;
        kmsKeyId = mode != Mode.SSE_KMS || kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId.strip();
    }

    public static UploadEncryption none() {
        return new UploadEncryption(Mode.NONE, null);
    }

    /// What the server is asked to do with each upload.
    public Encryption serverSide() {
        return switch (mode) {
            case SSE_S3 -> new Encryption.SseS3();
            case SSE_KMS -> new Encryption.SseKms(Optional.ofNullable(kmsKeyId));
            case NONE, CLIENT_SIDE -> Encryption.none();
        };
    }

    /// Whether uploads are encrypted on this computer (and so need the key from the keychain).
    public boolean clientSide() {
        return mode == Mode.CLIENT_SIDE;
    }
}
