package dev.rackside.app.feature.connections;

import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.CertificateInfo;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;
import dev.rackside.proxmox.Secret;
import java.util.Optional;

/// The questions connecting may have to ask the operator. The view answers them with dialogs,
/// tests with scripted answers; [ConnectionsViewModel] never opens a dialog itself.
/// Called on the UI thread; each call may block until the operator answered.
public interface ConnectionPrompts {

    /// What to do about a certificate that differs from the pinned one.
    enum ChangedCertificateDecision {
        /// Refuse to connect (the safe default).
        DISCONNECT,
        /// The operator reviewed the new certificate and explicitly chose to trust it instead.
        REPLACE_PIN
    }

    /// Whether to trust (pin) a certificate seen for the first time.
    boolean trustCertificate(ConnectionProfile profile, CertificateInfo certificate);

    /// A TOTP code or recovery key, or empty when the operator gave up.
    Optional<SecondFactor> askSecondFactor(ConnectionProfile profile, TfaChallenge challenge);

    ChangedCertificateDecision certificateChanged(ConnectionProfile profile, String pinnedFingerprint, CertificateInfo presented);

    /// The password or token secret, when none is remembered; empty when the operator gave up.
    Optional<Secret> askSecret(ConnectionProfile profile);
}
