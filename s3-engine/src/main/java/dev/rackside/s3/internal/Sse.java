package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/// Puts an [Encryption] onto each kind of request. SSE-C must be repeated on every request that
/// touches the object's data (HEAD, GET, UploadPart, copy source), SSE-S3/KMS only on writes.
public final class Sse {
    private Sse() {
    }

    public static void apply(PutObjectRequest.Builder b, Encryption e) {
        switch (e) {
            case Encryption.SseS3 s -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case Encryption.SseKms k -> {
                b.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                k.keyId().ifPresent(b::ssekmsKeyId);
            }
            case Encryption.SseC c -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
            case Encryption.None n -> { }
        }
    }

    public static void apply(CreateMultipartUploadRequest.Builder b, Encryption e) {
        switch (e) {
            case Encryption.SseS3 s -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case Encryption.SseKms k -> {
                b.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                k.keyId().ifPresent(b::ssekmsKeyId);
            }
            case Encryption.SseC c -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
            case Encryption.None n -> { }
        }
    }

    public static void apply(CopyObjectRequest.Builder b, Encryption source, Encryption target) {
        switch (target) {
            case Encryption.SseS3 s -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case Encryption.SseKms k -> {
                b.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                k.keyId().ifPresent(b::ssekmsKeyId);
            }
            case Encryption.SseC c -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
            case Encryption.None n -> { }
        }
        if (source instanceof Encryption.SseC c) {
            b.copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(key(c)).copySourceSSECustomerKeyMD5(md5(c));
        }
    }

    public static void apply(UploadPartCopyRequest.Builder b, Encryption source, Encryption target) {
        if (target instanceof Encryption.SseC c) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
        }
        if (source instanceof Encryption.SseC c) {
            b.copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(key(c)).copySourceSSECustomerKeyMD5(md5(c));
        }
    }

    public static void apply(UploadPartRequest.Builder b, Encryption e) {
        if (e instanceof Encryption.SseC c) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
        }
    }

    public static void apply(software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest.Builder b, Encryption e) {
        if (e instanceof Encryption.SseC c) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
        }
    }

    public static void apply(GetObjectRequest.Builder b, Encryption e) {
        if (e instanceof Encryption.SseC c) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
        }
    }

    public static void apply(HeadObjectRequest.Builder b, Encryption e) {
        if (e instanceof Encryption.SseC c) {
            b.sseCustomerAlgorithm("AES256").sseCustomerKey(key(c)).sseCustomerKeyMD5(md5(c));
        }
    }

    private static String key(Encryption.SseC c) {
        return Base64.getEncoder().encodeToString(c.key());
    }

    private static String md5(Encryption.SseC c) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(c.key()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
