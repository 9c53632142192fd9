package dev.rackside.s3.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// What a server's error says, wherever it says it: the body (as the SDK parsed it), or headers
/// for answers without a body (MinIO's HEAD errors, redirects).
final class ErrorDetails {
    // AWS and MinIO: "expecting 'eu-west-1'" (MinIO regions may hold capitals and '_'); Garage:
    // "expected: '20261122/garage/s3/aws4_request'".
    private static final Pattern EXPECTING = Pattern.compile("expecting '([A-Za-z0-9_-]+)'|expected: '\\d{8}/([A-Za-z0-9_-]+)/");
    // AWS and Garage also name the server's region in the error body (Garage 1.x nowhere else). Only
    // the lean path keeps the body: the S3Client hands on the parsed code and message alone.
    private static final Pattern REGION_ELEMENT = Pattern.compile("<Region>([A-Za-z0-9_-]+)</Region>");

    private ErrorDetails() {
    }

    static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null ? code : minioHeader(e, "x-minio-error-code");
    }

    static String message(AwsServiceException e) {
        // Without a body the S3Client's message is the HTTP reason phrase: MinIO's header says more.
        String described = minioHeader(e, "x-minio-error-desc");
        return described != null ? described : e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    }

    /// MinIO answers a HEAD, which has no body, with the error's code and text in headers.
    private static String minioHeader(AwsServiceException e, String name) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return null;
        }
        return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(name)
                .map(v -> v.replaceAll("^\"|\"$", "")).filter(v -> !v.isBlank()).orElse(null);
    }

    static Optional<String> regionHint(AwsServiceException e, String message) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
            Optional<String> header = e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
            if (header.isPresent()) {
                return header;
            }
        }
        if (message != null) {
            Matcher m = EXPECTING.matcher(message);
            if (m.find()) {
                return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        var raw = e.awsErrorDetails() == null ? null : e.awsErrorDetails().rawResponse();
        if (raw != null) {
            Matcher m = REGION_ELEMENT.matcher(raw.asUtf8String());
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

}
