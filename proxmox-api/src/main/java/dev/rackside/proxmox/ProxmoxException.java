package dev.rackside.proxmox;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/// Everything that can go wrong talking to Proxmox VE, as a closed set of kinds the UI can react to.
///
/// `getMessage()` is written for an operator, never contains a secret, and is what a dialog shows.
/// Each kind carries the structured facts (status, path, privilege, certificate) for UIs that
/// want to present them differently or localize.
public abstract sealed class ProxmoxException extends Exception {

    private ProxmoxException(String message, Throwable cause) {
        super(message, cause);
    }

    /// HTTP 401: wrong password, unknown user, bad token, expired ticket or rejected second factor.
    /// PVE deliberately does not say which, to prevent user enumeration.
    public static final class AuthenticationFailed extends ProxmoxException {
        public AuthenticationFailed(String detail) {
            super("Authentication failed" + suffix(detail)
                    + ". Check the user, realm and password or API token.", null);
        }
    }

    /// HTTP 403: authenticated, but lacking a privilege on a path.
    public static final class PermissionDenied extends ProxmoxException {
        private final String path;
        private final String privilege;

        public PermissionDenied(String path, String privilege, String serverMessage) {
            super(path == null
                    ? "Permission denied: " + serverMessage
                    : "Permission denied: " + privilege + " is required on " + path + ".", null);
            this.path = path;
            this.privilege = privilege;
        }

        /// The ACL path PVE checked (`/vms/100`), or null when PVE did not say.
        public String path() {
            return path;
        }

        /// The privilege PVE wanted (`VM.PowerMgmt`), or null when PVE did not say.
        public String privilege() {
            return privilege;
        }
    }

    /// The guest, node, task or endpoint does not exist (any more).
    public static final class NotFound extends ProxmoxException {
        public NotFound(String serverMessage) {
            super("Not found: " + serverMessage, null);
        }
    }

    /// HTTP 400 "Parameter verification failed." with PVE's message per parameter.
    public static final class InvalidParameters extends ProxmoxException {
        private final Map<String, String> errors;

        public InvalidParameters(Map<String, String> errors) {
            super("Proxmox rejected the request: " + describe(errors), null);
            this.errors = Map.copyOf(errors);
        }

        /// Parameter name → PVE's message.
        public Map<String, String> errors() {
            return errors;
        }

        private static String describe(Map<String, String> errors) {
            if (errors.isEmpty()) {
                return "parameter verification failed.";
            }
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(errors).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append(": ").append(v.strip()));
            return sb.toString();
        }
    }

    /// The cluster node that should answer could not be reached by the node we talk to
    /// (PVE's proxy pseudo-statuses 595/596), or the host itself refused or did not answer.
    public static final class NodeUnreachable extends ProxmoxException {
        private final int status;

        public NodeUnreachable(int status, String detail, Throwable cause) {
            super("Node unreachable" + suffix(detail) + ".", cause);
            this.status = status;
        }

        /// 595/596 when reported by PVE, 0 when the connection itself failed.
        public int status() {
            return status;
        }
    }

    /// No answer within the read timeout.
    public static final class Timeout extends ProxmoxException {
        public Timeout(String what, Throwable cause) {
            super("Timed out waiting for " + what + ".", cause);
        }
    }

    /// The server presented a certificate that no trusted CA vouches for and that is not pinned.
    /// The operator may inspect it and decide to pin it (trust on first use).
    public static final class UnknownCertificate extends ProxmoxException {
        private final CertificateInfo certificate;

        public UnknownCertificate(CertificateInfo certificate, Throwable cause) {
            super("The server's certificate is not trusted yet. SHA-256 fingerprint: "
                    + certificate.sha256Fingerprint() + ". Compare it with the fingerprint shown on the node "
                    + "(Datacenter → node → System → Certificates) before trusting it.", cause);
            this.certificate = Objects.requireNonNull(certificate);
        }

        public CertificateInfo certificate() {
            return certificate;
        }
    }

    /// The pinned certificate was replaced by another one: possibly a renewal, possibly an attacker.
    public static final class CertificateChanged extends ProxmoxException {
        private final String pinnedFingerprint;
        private final CertificateInfo presented;

        public CertificateChanged(String pinnedFingerprint, CertificateInfo presented, Throwable cause) {
            super("The server's certificate has CHANGED since you trusted it. The connection may be intercepted. "
                    + "Pinned: " + pinnedFingerprint + ", presented now: " + presented.sha256Fingerprint()
                    + ". Do not continue unless you know the certificate was renewed.", cause);
            this.pinnedFingerprint = pinnedFingerprint;
            this.presented = presented;
        }

        public String pinnedFingerprint() {
            return pinnedFingerprint;
        }

        public CertificateInfo presented() {
            return presented;
        }
    }

    /// TLS failed for another reason (protocol mismatch, host name mismatch, broken handshake).
    public static final class TlsFailure extends ProxmoxException {
        public TlsFailure(String detail, Throwable cause) {
            super("Secure connection failed" + suffix(detail) + ".", cause);
        }
    }

    /// PVE refused the operation with a message of its own (HTTP 500 "VM 100 not running", …).
    public static final class OperationFailed extends ProxmoxException {
        private final int status;
        private final String serverMessage;

        public OperationFailed(int status, String serverMessage) {
            super(serverMessage, null);
            this.status = status;
            this.serverMessage = serverMessage;
        }

        public int status() {
            return status;
        }

        public String serverMessage() {
            return serverMessage;
        }
    }

    /// The answer could not be understood: not JSON, wrong shape, or an endpoint this PVE version lacks.
    public static final class UnexpectedAnswer extends ProxmoxException {
        public UnexpectedAnswer(String detail, Throwable cause) {
            super("Unexpected answer from Proxmox: " + detail, cause);
        }
    }

    private static String suffix(String detail) {
        return detail == null || detail.isBlank() ? "" : ": " + detail.strip();
    }
}
