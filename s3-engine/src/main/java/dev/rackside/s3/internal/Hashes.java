package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/// Digest helpers. SHA-256 is the full-object checksum Rackside stores; CRC32C (in the JDK, and
/// fast) is the per-part checksum servers verify on receipt; MD5 is what plain ETags are.
public final class Hashes {
    private Hashes() {
    }

    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    public static MessageDigest md5() {
        return digest("MD5");
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    /// The SHA-256 (hex) of a file's first `size` bytes, read in 1 MiB steps; stops with
    /// [dev.rackside.s3.S3EngineException.Cancelled] when the transfer is paused or cancelled.
    static String sha256Of(Path file, long size, TransferTask task) {
        return hexOf(file, size, task, sha256());
    }

    /// The digest (hex) of a file's first `size` bytes, as [#sha256Of].
    static String hexOf(Path file, long size, TransferTask task, MessageDigest digest) {
        byte[] buf = new byte[1024 * 1024];
        try (FileChannel ch = FileChannel.open(file)) {
            for (long pos = 0; pos < size; ) {
                task.checkStop();
                task.checking(pos);
                int n = (int) Math.min(buf.length, size - pos);
                Uploader.readFully(ch, buf, n, pos);
                digest.update(buf, 0, n);
                pos += n;
            }
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(file, "it cannot be read (" + e.getMessage() + ")", e);
        } finally {
            task.checking(-1);
        }
        return hex(digest.digest());
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static String md5Base64(byte[] data) {
        return md5Base64(data, 0, data.length);
    }

    public static String md5Base64(byte[] data, int off, int len) {
        MessageDigest md5 = md5();
        md5.update(data, off, len);
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    public static String crc32cBase64(byte[] data, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(data, off, len);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /// A plain ETag is the hex MD5 of the object; multipart ETags (`…-N`) and SSE-KMS/C ETags are not.
    public static boolean isPlainMd5(String etag) {
        String e = stripQuotes(etag);
        return e != null && e.length() == 32 && e.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /// Whether an object's ETag is the MD5 of its bytes: a plain one, on an object stored without
    /// server-side encryption or with SSE-S3 (`sse` as the server names it: `AES256`); SSE-KMS and
    /// SSE-C ETags are not.
    public static boolean etagIsMd5(String etag, String sse) {
        return isPlainMd5(etag) && (sse == null || sse.equals("AES256"));
    }

    public static String stripQuotes(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
