package dev.rackside.s3;

import java.nio.file.Path;
import java.util.Optional;

/// Everything that can go wrong, as a closed set of kinds a UI can react to.
///
/// `getMessage()` is written for an operator and never contains a secret. Unchecked, because
/// it also surfaces from lazy listings (iterators) and transfer futures.
public abstract sealed class S3EngineException extends RuntimeException {

    private S3EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /// The access key is unknown to the server, or the secret does not match it.
    public static final class BadCredentials extends S3EngineException {
        private final String code;

        public BadCredentials(String code, Throwable cause) {
            super(switch (java.util.Objects.requireNonNullElse(code, "")) {
                case "InvalidAccessKeyId", "InvalidClientTokenId" ->
                        "The server does not know this access key (" + code + "). Check the access key ID.";
                case "ExpiredToken", "InvalidToken" -> "The session token is expired or not valid (" + code
                        + "). Sign in again (aws sso login) or get new temporary keys.";
                case "InvalidTokenId" -> "The server did not accept the session token with these keys (InvalidTokenId):"
                        + " temporary keys need their session token, permanent keys must come without one.";
                case "Unauthorized" -> "The server did not accept these keys (Unauthorized). Check the access key ID and"
                        + " the secret key.";
                default -> "The secret key does not match the access key (" + code + "). Check the secret key.";
            }, cause);
            this.code = code;
        }

        /// The S3 error code: `InvalidAccessKeyId`, `SignatureDoesNotMatch`, …
        public String code() {
            return code;
        }
    }

    /// The bucket lives in another region than the one configured.
    public static final class WrongRegion extends S3EngineException {
        private final Optional<String> suggestedRegion;

        public WrongRegion(String configured, Optional<String> suggestedRegion, Throwable cause) {
            super(suggestedRegion.map(r -> "The bucket is in region " + r + ", not " + configured + ". Set the region to " + r + ".")
                    .orElse("The server redirected the request: the bucket is not in region " + configured
                            + ". Set the bucket's region or enable path-style access."), cause);
            this.suggestedRegion = suggestedRegion;
        }

        public Optional<String> suggestedRegion() {
            return suggestedRegion;
        }
    }

    /// The local clock differs from the server's by more than S3 allows (15 minutes).
    public static final class ClockSkew extends S3EngineException {
        public ClockSkew(Throwable cause) {
            super("This computer's clock is too far from the server's time. Enable time synchronisation (NTP) and try again.", cause);
        }
    }

    /// The credentials are valid but lack a permission (HTTP 403).
    public static final class AccessDenied extends S3EngineException {
        public AccessDenied(String what, Throwable cause) {
            super("Access denied: the credentials may not " + what + ". Check the user's or bucket's policy.", cause);
        }
    }

    /// A bucket, object, version or upload does not exist (any more).
    public static final class NotFound extends S3EngineException {
        public NotFound(String what, Throwable cause) {
            super("Not found: " + what + ".", cause);
        }
    }

    /// A bucket cannot be deleted while it holds objects, versions or unfinished uploads.
    public static final class BucketNotEmpty extends S3EngineException {
        public BucketNotEmpty(String bucket, Throwable cause) {
            super("Bucket " + bucket + " is not empty. Delete its objects (and old versions and unfinished uploads) first.", cause);
        }
    }

    /// The bucket name is taken, by someone else or by this account.
    public static final class BucketAlreadyExists extends S3EngineException {
        public BucketAlreadyExists(String bucket, Throwable cause) {
            super("A bucket named " + bucket + " already exists. Bucket names are shared by all users of the service.", cause);
        }
    }

    /// The server does not implement this feature (HTTP 501, or a store without it).
    public static final class Unsupported extends S3EngineException {
        private final String feature;

        public Unsupported(String feature, String serverMessage, Throwable cause) {
            super("This server does not support " + feature + (serverMessage == null || serverMessage.isBlank() ? "." : ": " + serverMessage), cause);
            this.feature = feature;
        }

        public String feature() {
            return feature;
        }
    }

    /// The server could not be reached: DNS, refused connection, TLS or timeout.
    public static final class Unreachable extends S3EngineException {
        /// Why the server could not be reached.
        public enum Reason { DNS, CONNECTION_REFUSED, TLS, TIMEOUT, CONNECTION_LOST }

        private final Reason reason;

        public Unreachable(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /// The server kept failing (5xx, SlowDown, dropped connections) until the last retry.
    public static final class ServiceFailure extends S3EngineException {
        private final int status;
        private final int attempts;

        public ServiceFailure(String what, int status, String code, int attempts, Throwable cause) {
            super("The server failed to " + what + " (" + (status > 0 ? "HTTP " + status + " " : "") + (code == null ? "" : code)
                    + ") after " + attempts + (attempts == 1 ? " try." : " tries.") + " Try again later.", cause);
            this.status = status;
            this.attempts = attempts;
        }

        public int status() {
            return status;
        }

        public int attempts() {
            return attempts;
        }
    }

    /// The server refused the request for a reason not covered above (HTTP 4xx).
    public static final class Rejected extends S3EngineException {
        private final String code;

        public Rejected(String what, int status, String code, String serverMessage, Throwable cause) {
            super("The server refused to " + what + ": " + (code == null ? "HTTP " + status : code)
                    + (serverMessage == null || serverMessage.isBlank() ? "" : " (" + serverMessage + ")"), cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /// Data did not match its checksum. Nothing corrupt was kept.
    public static final class IntegrityFailed extends S3EngineException {
        public IntegrityFailed(String object, String algorithm, String expected, String actual) {
            super("Integrity check failed for " + object + ": " + algorithm + " expected " + expected + " but got " + actual
                    + ". The damaged copy was discarded; retry the transfer.", null);
        }
    }

    /// The source of a transfer or copy changed while it was under way (also while paused).
    public static final class SourceChanged extends S3EngineException {
        public SourceChanged(String what) {
            super(what + " changed while this was under way. Try again.", null);
        }
    }

    /// A local file or folder could not be read or written.
    public static final class LocalFileProblem extends S3EngineException {
        public LocalFileProblem(Path path, String detail, Throwable cause) {
            super("Cannot use " + path + ": " + detail, cause);
        }
    }

    /// An object key cannot be stored safely under the chosen folder (e.g. `../`, `CON`, `C:`).
    public static final class UnsafeKey extends S3EngineException {
        public UnsafeKey(String key, String reason) {
            super("Refusing to download object key \"" + printable(key) + "\": " + reason + ".", null);
        }

        private static String printable(String key) {
            StringBuilder sb = new StringBuilder();
            key.codePoints().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
            return sb.toString();
        }
    }

    /// An incomplete upload that cannot be continued from the file the operator chose: its stored
    /// parts are not that file's bytes, or cannot be checked against them. The upload is left as it was.
    public static final class NotResumable extends S3EngineException {
        public NotResumable(String object, java.nio.file.Path file, String reason) {
            super("Cannot continue the upload of " + object + " from " + file + ": " + reason, null);
        }
    }

    /// A copy, move or rename whose target makes no sense, such as a folder into itself.
    public static final class InvalidTarget extends S3EngineException {
        public InvalidTarget(String message) {
            super(message, null);
        }
    }

    /// The transfer was cancelled by the operator.
    public static final class Cancelled extends S3EngineException {
        public Cancelled(String what) {
            super(what + " was cancelled.", null);
        }
    }

    /// A configuration is invalid (e.g. an unknown `~/.aws` profile, a bad encryption key).
    public static final class Misconfigured extends S3EngineException {
        public Misconfigured(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /// The engine itself failed (out of memory, a class that could not be loaded, a bug). The
    /// transfer stopped; its journal entry is kept, so a retry resumes it.
    public static final class Internal extends S3EngineException {
        public Internal(String what, Throwable cause) {
            super(what + " stopped on an internal error (" + cause + "). Retry it; the work done so far is kept.", cause);
        }
    }
}
