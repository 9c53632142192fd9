package dev.rackside.app.feature.connections;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.proxmox.CertificateInfo;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;

/// One step of connecting a profile, as the view must present it. [ConnectionsViewModel] answers
/// the middle three through [ConnectionPrompts] and ends with one of the others.
public sealed interface ConnectOutcome {

    /// Logged in; the session is in `Sessions`.
    record Connected(ClusterSession session) implements ConnectOutcome {
    }

    /// The password was right and PVE wants a TOTP code or a recovery key.
    record SecondFactorNeeded(TfaChallenge challenge) implements ConnectOutcome {
    }

    /// The server's certificate is neither pinned nor vouched for by a system CA.
    record UnknownCertificate(CertificateInfo certificate) implements ConnectOutcome {
    }

    /// The pinned certificate was replaced: refused unless the operator explicitly replaces the pin.
    record CertificateChanged(String pinnedFingerprint, CertificateInfo presented) implements ConnectOutcome {
    }

    /// It did not work, and why.
    record Failed(Diagnosis diagnosis) implements ConnectOutcome {
    }

    /// The operator stopped (declined the certificate, gave no secret or no second factor).
    record Cancelled() implements ConnectOutcome {
    }
}
