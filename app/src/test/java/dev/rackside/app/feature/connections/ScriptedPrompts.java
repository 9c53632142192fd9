package dev.rackside.app.feature.connections;

import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.CertificateInfo;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;
import dev.rackside.proxmox.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/// Answers prompts from a script and records what was asked.
final class ScriptedPrompts implements ConnectionPrompts {
    boolean trust;
    ChangedCertificateDecision onChange = ChangedCertificateDecision.DISCONNECT;
    Supplier<Optional<SecondFactor>> secondFactor = Optional::empty;
    Optional<Secret> secret = Optional.empty();
    final List<String> asked = new ArrayList<>();
    CertificateInfo shownCertificate;
    TfaChallenge shownChallenge;

    @Override
    public boolean trustCertificate(ConnectionProfile profile, CertificateInfo certificate) {
        asked.add("trust");
        shownCertificate = certificate;
        return trust;
    }

    @Override
    public Optional<SecondFactor> askSecondFactor(ConnectionProfile profile, TfaChallenge challenge) {
        asked.add("secondFactor");
        shownChallenge = challenge;
        return secondFactor.get();
    }

    @Override
    public ChangedCertificateDecision certificateChanged(ConnectionProfile profile, String pinned, CertificateInfo presented) {
        asked.add("changed");
        shownCertificate = presented;
        return onChange;
    }

    @Override
    public Optional<Secret> askSecret(ConnectionProfile profile) {
        asked.add("secret");
        return secret;
    }
}
