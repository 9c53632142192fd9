package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.S3EngineException.Unreachable.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;

/// Turns SDK and I/O failures into [S3EngineException]s an operator understands, and decides
/// which failures are worth another try.
public final class Errors {
    // Unauthorized: Cloudflare R2's answer (401) to a key it does not accept.
    private static final Set<String> BAD_KEY = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken",
            "ExpiredToken", "InvalidClientTokenId", "AuthFailure", "Unauthorized",
            // MinIO: a session token sent with permanent keys, missing from temporary ones, or not theirs.
            "InvalidTokenId");
    private static final Set<String> TRANSIENT = Set.of("SlowDown", "InternalError", "ServiceUnavailable",
            "RequestTimeout", "RequestTimeoutException", "BadDigest", "XAmzContentChecksumMismatch", "Throttling", "ThrottlingException", "TooManyRequests",
            // Garage's answer to a body that does not match its Content-MD5 or payload hash.
            "InvalidDigest");
    private Errors() {
    }

    /// Whether another try may succeed: 5xx, throttling, timeouts, dropped connections and
    /// checksum mismatches the SDK detected while reading a response.
    public static boolean retryable(Throwable t) {
        if (t instanceof S3EngineException.IntegrityFailed || t instanceof TransitCorruption) {
            return true;
        }
        if (t instanceof AwsServiceException e) {
            if (unsupported(e.statusCode(), ErrorDetails.code(e))) {
                return false; // the server lacks the feature: asking again cannot help
            }
            return e.statusCode() >= 500 || e.statusCode() == 429 || in(TRANSIENT, ErrorDetails.code(e));
        }
        if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException) {
            return true;
        }
        if (t instanceof SdkClientException || t instanceof IOException || t instanceof UncheckedIOException) {
            Throwable root = rootIo(t);
            if (root instanceof UnknownHostException || root instanceof ConnectException || root instanceof SSLException) {
                return false; // configuration problems: retrying only delays the diagnosis
            }
            return root != null || isChecksumMismatch(t);
        }
        return false;
    }

    /// Maps `t` (raised while trying to `what`, e.g. "list bucket photos") to an operator error.
    public static S3EngineException map(Throwable t, String what, String region, int attempts) {
        if (t instanceof S3EngineException e) {
            return e;
        }
        // The SDK wraps what a credentials provider throws (an unavailable secret, an unknown profile).
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof S3EngineException e) {
                return e;
            }
        }
        if (t instanceof AwsServiceException e) {
            String service = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
            if (service != null && !service.equalsIgnoreCase("S3")) {
                return signIn(e, service, what);
            }
            return service(e, what, region, attempts);
        }
        if (t instanceof TransitCorruption c) {
            return new S3EngineException.IntegrityFailed(what, c.code, "the data sent", "different data on arrival");
        }
        if (isChecksumMismatch(t)) {
            return new S3EngineException.IntegrityFailed(what, "SDK checksum", "server's checksum", "different data");
        }
        if (t instanceof IllegalArgumentException i) {
            // The SDK checking a request before it is sent (a bucket name S3 would refuse): nothing to retry.
            return new S3EngineException.Misconfigured("Cannot " + what + ": " + i.getMessage() + ".", t);
        }
        String credentials = credentialsProblem(t);
        if (credentials != null) {
            return new S3EngineException.Misconfigured("No credentials to " + what + ": " + credentials
                    + (credentials.contains("sso login") ? "" : " For an IAM Identity Center (SSO) profile, sign in first"
                    + " with: aws sso login --profile NAME."), t);
        }
        if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException) {
            return new S3EngineException.Unreachable(Reason.TIMEOUT, "The server did not answer in time while trying to "
                    + what + (attempts > 1 ? " (" + attempts + " tries)." : "."), t);
        }
        Throwable root = rootIo(t);
        return switch (root) {
            case UnknownHostException u -> new S3EngineException.Unreachable(Reason.DNS, "The server name "
                    + u.getMessage() + " cannot be resolved (DNS). Check the endpoint URL and your network.", t);
            case ConnectException c -> new S3EngineException.Unreachable(Reason.CONNECTION_REFUSED,
                    "The server refused the connection. Check the endpoint's host and port, and that the S3 service is running.", t);
            case SSLException s -> new S3EngineException.Unreachable(Reason.TLS, "The TLS (https) handshake failed: "
                    + s.getMessage() + ". Check the URL's scheme (http/https) and the server's certificate.", t);
            case SocketTimeoutException s -> new S3EngineException.Unreachable(Reason.TIMEOUT,
                    "The server did not answer in time while trying to " + what + ".", t);
            case null -> new S3EngineException.ServiceFailure(what, 0, t.getClass().getSimpleName() + ": " + t.getMessage(), attempts, t);
            default -> new S3EngineException.Unreachable(Reason.CONNECTION_LOST, "The connection was lost while trying to "
                    + what + " (" + root.getMessage() + ")" + (attempts > 1 ? " after " + attempts + " tries." : "."), t);
        };
    }

    private static S3EngineException service(AwsServiceException e, String what, String region, int attempts) {
        String code = ErrorDetails.code(e);
        int status = e.statusCode();
        String message = ErrorDetails.message(e);
        if (in(BAD_KEY, code) || status == 401) {
            return new S3EngineException.BadCredentials(code == null ? "Unauthorized" : code, e);
        }
        // Garage prefixes its AccessDenied messages with "Forbidden: ".
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT).replaceFirst("^forbidden: ", "");
        // Garage answers an unknown key or a bad signature as AccessDenied; R2 a malformed key as
        // InvalidArgument. Both are the key, not a policy.
        if ("AccessDenied".equals(code) && lower.startsWith("no such key")
                || "InvalidArgument".equals(code) && lower.startsWith("credential access key")) {
            return new S3EngineException.BadCredentials("InvalidAccessKeyId", e);
        }
        if ("AccessDenied".equals(code) && lower.startsWith("invalid signature")) {
            return new S3EngineException.BadCredentials("SignatureDoesNotMatch", e);
        }
        // Garage refuses a request dated more than a day back as a plain bad request.
        if ("RequestTimeTooSkewed".equals(code) || status == 400 && lower.contains("date is too old")) {
            return new S3EngineException.ClockSkew(e);
        }
        if ("InvalidLocationConstraint".equals(code)) {
            // Ceph RGW: a region that is not one of its zonegroups' API names cannot place a bucket.
            return new S3EngineException.Rejected(what, status, code, (message == null ? "" : message + ". ")
                    + "Set the endpoint's region to one the server knows, or to us-east-1, for which no location is sent", e);
        }
        if (status == 301 || status == 307 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)
                || "IllegalLocationConstraintException".equals(code) || "InvalidRegion".equals(code)) {
            return new S3EngineException.WrongRegion(region, ErrorDetails.regionHint(e, message), e);
        }
        if (status == 403 || "AccessDenied".equals(code)) {
            return new S3EngineException.AccessDenied(what, e);
        }
        if ("NoSuchUpload".equals(code)) {
            return new S3EngineException.NotFound(what + ": the server no longer has this unfinished upload (NoSuchUpload)."
                    + " It was aborted, or discarded by the server's clean-up of old unfinished uploads (MinIO's"
                    + " MINIO_API_STALE_UPLOADS_EXPIRY, 24 hours after the start by default; a bucket lifecycle rule"
                    + " elsewhere). A transfer tried again starts its upload over", e);
        }
        if (status == 404) {
            return new S3EngineException.NotFound(what + (code == null ? "" : " (" + code + ")"), e);
        }
        if ("BucketNotEmpty".equals(code)) {
            return new S3EngineException.BucketNotEmpty(what, e);
        }
        if ("BucketAlreadyExists".equals(code) || "BucketAlreadyOwnedByYou".equals(code)) {
            return new S3EngineException.BucketAlreadyExists(what, e);
        }
        if (unsupported(status, code) && lower.contains("kms is not configured")) {
            return new S3EngineException.Misconfigured("The server cannot encrypt with SSE-S3 or SSE-KMS (while trying to "
                    + what + "): it has no KMS configured (MinIO: the MINIO_KMS_* settings). Choose another encryption"
                    + " for this endpoint, or configure the server's KMS.", e);
        }
        if (unsupported(status, code)) {
            return new S3EngineException.Unsupported(what, message, e);
        }
        if (status >= 500 || status == 429 || in(TRANSIENT, code)) {
            return new S3EngineException.ServiceFailure(what, status, code, attempts, e);
        }
        return new S3EngineException.Rejected(what, status, code, message, e);
    }

    /// The server received a body that does not match its signature or digest.
    public static final class TransitCorruption extends RuntimeException {
        final String code;

        TransitCorruption(String code, Throwable cause) {
            super("the request body was damaged in transit (" + code + ")", cause);
            this.code = code;
        }
    }

    /// For requests whose credentials already worked in this transfer (parts of an upload): a
    /// signature or digest mismatch means the body was damaged in transit, which is worth a retry.
    public static RuntimeException payloadMismatchAsCorruption(AwsServiceException e) {
        String code = ErrorDetails.code(e);
        if ("SignatureDoesNotMatch".equals(code) || "BadDigest".equals(code) || "XAmzContentChecksumMismatch".equals(code)
                || "InvalidDigest".equals(code)) {
            return new TransitCorruption(code, e);
        }
        return e;
    }

    // Set.of(...).contains(null) throws, and HEAD errors have no code.
    private static boolean in(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }

    /// The server does not implement the request (e.g. object tagging on S3Proxy).
    private static boolean unsupported(int status, String code) {
        return status == 501 || "NotImplemented".equals(code);
    }

    /// A refusal by the service that hands out credentials (SSO's portal, STS for an assumed role),
    /// not by the S3 server: said as such, not as a bad S3 key or a bucket policy.
    private static S3EngineException signIn(AwsServiceException e, String service, String what) {
        String message = e.awsErrorDetails().errorMessage();
        String code = ErrorDetails.code(e);
        String said = service + " refused (" + (code == null ? "HTTP " + e.statusCode() : code) + ")"
                + (message == null || message.isBlank() ? "." : ": " + message);
        String hint = service.toLowerCase(java.util.Locale.ROOT).startsWith("sso")
                ? " Sign in again with: aws sso login --profile NAME."
                : service.equalsIgnoreCase("Sts") ? " Check the role's ARN, its trust policy and the keys that assume it." : "";
        return new S3EngineException.Misconfigured("No credentials to " + what + ": " + said + hint, e);
    }

    /// What the SDK said when no credentials could be had (an unknown or incomplete profile, an
    /// expired SSO sign-in), or null: before any request was sent, so not the server's failure.
    static String credentialsProblem(Throwable t) {
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            String m = c.getMessage();
            if (c instanceof AwsServiceException) {
                return null;
            }
            if (c.getClass().getName().startsWith("software.amazon.awssdk.services.sso.")
                    || m != null && (m.startsWith("Unable to load credentials") || m.contains("Profile file contained no credentials")
                    || m.contains("SSO session") || m.contains("SSO token") || m.startsWith("Unable to load region"))) {
                return m;
            }
        }
        return null;
    }

    private static boolean isChecksumMismatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.contains("checksum") && (m.contains("different") || m.contains("mismatch") || m.contains("not match"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootIo(Throwable t) {
        Throwable found = null;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof IOException) {
                found = c;
                // Keep walking: the most specific cause (UnknownHost under a wrapper) wins.
                if (c instanceof UnknownHostException || c instanceof ConnectException || c instanceof SSLException
                        || c instanceof SocketTimeoutException) {
                    return c;
                }
            }
        }
        return found;
    }
}
