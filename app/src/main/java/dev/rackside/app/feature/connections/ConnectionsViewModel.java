package dev.rackside.app.feature.connections;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.feature.connections.ConnectOutcome.CertificateChanged;
import dev.rackside.app.feature.connections.ConnectOutcome.Connected;
import dev.rackside.app.feature.connections.ConnectOutcome.Failed;
import dev.rackside.app.feature.connections.ConnectOutcome.SecondFactorNeeded;
import dev.rackside.app.feature.connections.ConnectOutcome.UnknownCertificate;
import dev.rackside.app.feature.connections.ConnectionPrompts.ChangedCertificateDecision;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.app.settings.SecretStoreException;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.LoginOutcome;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.Secret;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The saved connection profiles and the commands on them: save, remove, test, connect, disconnect.
///
/// Connecting is a short conversation (secret, certificate, second factor): the questions go to
/// the [ConnectionPrompts] given to [#connect], the end to its callback, and a connected cluster
/// into [Sessions]. Blocking work runs on the [Background]; callbacks arrive on the UI thread.
public final class ConnectionsViewModel {
    private final ProfileStore store;
    private final SecretStore keychain;
    // Secrets typed this run (whether or not remembered), so reconnecting does not ask again.
    private final InMemorySecretStore sessionSecrets = new InMemorySecretStore();
    private final Sessions sessions;
    private final Background background;
    private final Notifier notifier;
    private final ConnectionTester tester = new ConnectionTester();
    private final Messages text = Messages.of(ConnectionsViewModel.class);

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ConnectionsViewModel(ProfileStore store, SecretStore keychain, Sessions sessions, Background background, Notifier notifier) {
        this.store = store;
        this.keychain = keychain;
        this.sessions = sessions;
        this.background = background;
        this.notifier = notifier;
        profiles.setAll(store.list());
    }

    public ObservableList<ConnectionProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    public ObservableList<ClusterSession> sessions() {
        return sessions.list();
    }

    public boolean isConnected(ConnectionProfile p) {
        return sessions.list().stream().anyMatch(s -> s.id().equals(p.id().toString()));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// The last thing that happened, for a status line.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// Whether "remember the secret" can be offered, and if not, why.
    public SecretStore.Availability rememberAvailability() {
        return keychain.available();
    }

    /// Saves `profile`; `secret` (when given) is kept for this run and, if `remember`, in the keychain.
    public void save(ConnectionProfile profile, Optional<Secret> secret, boolean remember, Runnable onSaved) {
        boolean toKeychain = remember && keychain.available().available();
        background.submit(() -> {
            store.put(profile);
            if (secret.isPresent()) {
                sessionSecrets.store(profile.id(), secret.get());
                if (toKeychain) {
                    keychain.store(profile.id(), secret.get());
                } else {
                    keychain.delete(profile.id()); // the operator no longer wants it remembered
                }
            }
            return null;
        }, ok -> {
            refresh();
            status.set(text.get("status.saved", profile.name()));
            onSaved.run();
        }, this::warn);
    }

    /// Forgets the profile and its secret, disconnecting it first.
    public void remove(ConnectionProfile profile) {
        sessions.remove(profile.id().toString());
        background.submit(() -> {
            store.remove(profile.id());
            sessionSecrets.delete(profile.id());
            keychain.delete(profile.id());
            return null;
        }, ok -> refresh(), this::warn);
    }

    public void disconnect(ConnectionProfile profile) {
        sessions.remove(profile.id().toString());
        status.set(text.get("status.disconnected", profile.name()));
    }

    /// Tries `draft` with `secret` once and reports a precise diagnosis to `done`.
    public void testConnection(ConnectionProfile draft, Secret secret, Consumer<ConnectionTestResult> done) {
        busy.set(true);
        background.submit(() -> tester.test(draft, secret), r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            done.accept(ConnectionTestResult.failed(Diagnosis.of(Diagnosis.Kind.OTHER, "diag.other", String.valueOf(e.getMessage()))));
        });
    }

    /// Connects `profile`, asking `prompts` what only the operator can answer; `done` gets the end.
    public void connect(ConnectionProfile profile, ConnectionPrompts prompts, Consumer<ConnectOutcome> done) {
        busy.set(true);
        status.set(text.get("status.connecting", profile.name()));
        background.submit(() -> rememberedSecret(profile), remembered -> {
            Optional<Secret> secret = remembered.isPresent() ? remembered : prompts.askSecret(profile);
            if (secret.isEmpty()) {
                finish(done, new ConnectOutcome.Cancelled(), profile);
            } else {
                attempt(new Conversation(profile, secret.get(), prompts, done), 0);
            }
        }, e -> finish(done, failure(e), profile));
    }

    private Optional<Secret> rememberedSecret(ConnectionProfile p) {
        Optional<Secret> s = sessionSecrets.load(p.id());
        if (s.isPresent()) {
            return s;
        }
        try {
            return keychain.load(p.id());
        } catch (SecretStoreException e) {
            // Asking the operator beats failing: the keychain may just be locked or slow.
            notifier.warning(e.getMessage());
            return Optional.empty();
        }
    }

    /// What one connect call carries from step to step.
    private record Conversation(ConnectionProfile profile, Secret secret, ConnectionPrompts prompts, Consumer<ConnectOutcome> done) {
        Conversation with(ConnectionProfile p) {
            return new Conversation(p, secret, prompts, done);
        }
    }

    /// An outcome plus the client that produced it, kept open only while a second factor is pending.
    private record Step(ConnectOutcome outcome, ProxmoxClient pending) {
    }

    private void attempt(Conversation c, int pinsChanged) {
        background.submit(() -> login(c.profile(), c.secret()), step -> handle(c, step, pinsChanged),
                e -> finish(c.done(), failure(e), c.profile()));
    }

    private Step login(ConnectionProfile p, Secret secret) {
        ConnectionSpec spec;
        try {
            spec = Specs.of(p, secret);
        } catch (RuntimeException e) {
            return new Step(new Failed(Diagnosis.of(Diagnosis.Kind.INVALID_PROFILE, "diag.invalidProfile")), null);
        }
        ProxmoxClient client = ProxmoxClient.connect(spec);
        try {
            return switch (client.login()) {
                case LoginOutcome.LoggedIn in -> new Step(new Connected(new ClusterSession(p.id().toString(), p.name(), client)), null);
                case LoginOutcome.SecondFactorRequired tfa -> new Step(new SecondFactorNeeded(tfa.challenge()), client);
            };
        } catch (ProxmoxException e) {
            client.close();
            return new Step(switch (e) {
                case ProxmoxException.UnknownCertificate u -> new UnknownCertificate(u.certificate());
                case ProxmoxException.CertificateChanged ch -> new CertificateChanged(ch.pinnedFingerprint(), ch.presented());
                default -> new Failed(Diagnosis.of(e, spec));
            }, null);
        }
    }

    private Step completeLogin(ConnectionProfile p, ProxmoxClient client, SecondFactor answer) {
        try {
            if (client.completeLogin(answer) instanceof LoginOutcome.LoggedIn) {
                return new Step(new Connected(new ClusterSession(p.id().toString(), p.name(), client)), null);
            }
            client.close();
            return new Step(new Failed(Diagnosis.of(Diagnosis.Kind.AUTHENTICATION_FAILED, "diag.secondFactorRejected")), null);
        } catch (ProxmoxException e) {
            client.close();
            return new Step(new Failed(e instanceof ProxmoxException.AuthenticationFailed
                    ? Diagnosis.of(Diagnosis.Kind.AUTHENTICATION_FAILED, "diag.secondFactorRejected")
                    : Diagnosis.of(e, client.spec())), null);
        }
    }

    private void handle(Conversation c, Step step, int pinsChanged) {
        ConnectionProfile p = c.profile();
        switch (step.outcome()) {
            case Connected done -> {
                sessions.put(done.session());
                sessionSecrets.store(p.id(), c.secret());
                finish(c.done(), done, p);
            }
            case SecondFactorNeeded tfa -> {
                if (!tfa.challenge().answerable()) {
                    step.pending().close();
                    finish(c.done(), new Failed(Diagnosis.of(Diagnosis.Kind.SECOND_FACTOR_UNSUPPORTED, "diag.webauthnOnly")), p);
                    return;
                }
                Optional<SecondFactor> answer = c.prompts().askSecondFactor(p, tfa.challenge());
                if (answer.isEmpty()) {
                    step.pending().close();
                    finish(c.done(), new ConnectOutcome.Cancelled(), p);
                    return;
                }
                background.submit(() -> completeLogin(p, step.pending(), answer.get()), next -> handle(c, next, pinsChanged),
                        e -> finish(c.done(), failure(e), p));
            }
            case UnknownCertificate unknown -> {
                // One pin change per connect: a second unknown certificate right after trusting one is not a renewal.
                if (pinsChanged > 0 || !c.prompts().trustCertificate(p, unknown.certificate())) {
                    finish(c.done(), pinsChanged > 0 ? unknown : new ConnectOutcome.Cancelled(), p);
                    return;
                }
                pinAndRetry(c, unknown.certificate().sha256Fingerprint(), pinsChanged);
            }
            case CertificateChanged changed -> {
                if (pinsChanged == 0 && c.prompts().certificateChanged(p, changed.pinnedFingerprint(), changed.presented())
                        == ChangedCertificateDecision.REPLACE_PIN) {
                    pinAndRetry(c, changed.presented().sha256Fingerprint(), pinsChanged);
                } else {
                    finish(c.done(), changed, p);
                }
            }
            case Failed failed -> finish(c.done(), failed, p);
            case ConnectOutcome.Cancelled cancelled -> finish(c.done(), cancelled, p);
        }
    }

    private void pinAndRetry(Conversation c, String fingerprint, int pinsChanged) {
        background.submit(() -> store.pin(c.profile().id(), fingerprint), pinned -> {
            refresh();
            attempt(c.with(pinned), pinsChanged + 1);
        }, e -> finish(c.done(), failure(e), c.profile()));
    }

    private void finish(Consumer<ConnectOutcome> done, ConnectOutcome outcome, ConnectionProfile p) {
        busy.set(false);
        status.set(switch (outcome) {
            case Connected c -> text.get("status.connected", p.name());
            case CertificateChanged c -> text.get("status.certificateChanged", p.name());
            case Failed f -> f.diagnosis().message();
            default -> text.get("status.cancelled", p.name());
        });
        done.accept(outcome);
    }

    private static Failed failure(Throwable e) {
        return new Failed(Diagnosis.of(Diagnosis.Kind.OTHER, "diag.other", String.valueOf(e.getMessage())));
    }

    private void warn(Throwable e) {
        notifier.warning(e.getMessage());
    }

    private void refresh() {
        profiles.setAll(store.list());
    }
}
