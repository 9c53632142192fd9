package dev.rackside.app.feature.connections;

import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.CertificateInfo;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;
import dev.rackside.proxmox.Secret;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/// [ConnectionPrompts] answered by the operator through modal dialogs.
final class DialogPrompts implements ConnectionPrompts {
    private final Supplier<Window> owner;

    DialogPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean trustCertificate(ConnectionProfile profile, CertificateInfo certificate) {
        return new TrustCertificateDialog(owner.get(), profile, certificate).showAndWait().orElse(false);
    }

    @Override
    public Optional<SecondFactor> askSecondFactor(ConnectionProfile profile, TfaChallenge challenge) {
        return new SecondFactorDialog(owner.get(), profile, challenge).showAndWait();
    }

    @Override
    public ChangedCertificateDecision certificateChanged(ConnectionProfile profile, String pinned, CertificateInfo presented) {
        return new CertificateChangedDialog(owner.get(), profile, pinned, presented).showAndWait()
                .orElse(ChangedCertificateDecision.DISCONNECT);
    }

    @Override
    public Optional<Secret> askSecret(ConnectionProfile profile) {
        return new SecretDialog(owner.get(), profile).showAndWait();
    }
}
