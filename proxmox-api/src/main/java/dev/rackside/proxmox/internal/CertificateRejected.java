package dev.rackside.proxmox.internal;

import dev.rackside.proxmox.CertificateInfo;
import java.security.cert.CertificateException;

/// Thrown by [PinningTrustManager] from inside the TLS handshake; carries the facts out through
/// JSSE's exception wrapping so the transport can report them as a typed error.
final class CertificateRejected extends CertificateException {
    enum Reason { UNKNOWN, CHANGED }

    private final transient CertificateInfo presented;
    private final Reason reason;
    private final String pinned;

    CertificateRejected(Reason reason, CertificateInfo presented, String pinned, Throwable cause) {
        super(reason == Reason.CHANGED ? "certificate does not match the pinned fingerprint" : "certificate not trusted", cause);
        this.reason = reason;
        this.presented = presented;
        this.pinned = pinned;
    }

    Reason reason() {
        return reason;
    }

    CertificateInfo presented() {
        return presented;
    }

    String pinned() {
        return pinned;
    }
}
