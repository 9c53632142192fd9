package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.app.settings.ConnectionProfile.AuthKind;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The state behind [ConnectionDialog]: the fields of one profile being added or edited, its
/// validation, and "Test connection".
public final class ConnectionFormModel {
    private final ConnectionsViewModel connections;
    private final ConnectionProfile original;
    private final Messages text = Messages.of(ConnectionFormModel.class);

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty(String.valueOf(ConnectionSpec.DEFAULT_PORT));
    public final ObjectProperty<AuthKind> authKind = new SimpleObjectProperty<>(AuthKind.TOKEN);
    public final StringProperty userId = new SimpleStringProperty("root@pam");
    public final StringProperty tokenId = new SimpleStringProperty("");
    public final StringProperty username = new SimpleStringProperty("root");
    public final StringProperty realm = new SimpleStringProperty("pam");
    public final StringProperty secret = new SimpleStringProperty("");
    public final BooleanProperty remember = new SimpleBooleanProperty(false);
    /// The result of the last test or validation, for the operator.
    public final StringProperty diagnosis = new SimpleStringProperty("");
    public final ObjectProperty<Diagnosis.Kind> diagnosisKind = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);

    /// @param original the profile being edited, or null to add a new one
    public ConnectionFormModel(ConnectionsViewModel connections, ConnectionProfile original) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.original = original;
        boolean canRemember = connections.rememberAvailability().available();
        remember.set(canRemember);
        if (original != null) {
            name.set(original.name());
            host.set(original.host());
            port.set(String.valueOf(original.port()));
            authKind.set(original.authKind());
            userId.set(Objects.requireNonNullElse(original.userId(), "root@pam"));
            tokenId.set(Objects.requireNonNullElse(original.tokenId(), ""));
            username.set(Objects.requireNonNullElse(original.username(), "root"));
            realm.set(Objects.requireNonNullElse(original.realm(), "pam"));
        }
    }

    public boolean isEditing() {
        return original != null;
    }

    public SecretStore.Availability rememberAvailability() {
        return connections.rememberAvailability();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /// The profile the fields describe, or empty (with [#diagnosis] saying what is missing).
    public Optional<ConnectionProfile> toProfile() {
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            diagnosisKind.set(Diagnosis.Kind.INVALID_PROFILE);
            diagnosis.set(problem.get());
            return Optional.empty();
        }
        String h = host.get().strip();
        int p = Integer.parseInt(port.get().strip());
        // A pin belongs to one host and port: moving the profile elsewhere must not carry the trust along.
        String pin = original != null && original.host().equals(h) && original.port() == p ? original.pinnedFingerprint() : null;
        UUID id = original == null ? UUID.randomUUID() : original.id();
        boolean token = authKind.get() == AuthKind.TOKEN;
        return Optional.of(new ConnectionProfile(id, name.get(), h, p, authKind.get(),
                token ? userId.get().strip() : null, token ? tokenId.get().strip() : null,
                token ? null : username.get().strip(), token ? null : realm.get().strip(), pin));
    }

    /// The secret typed in, if any (blank when editing means "keep the remembered one").
    public Optional<Secret> typedSecret() {
        return secret.get().isEmpty() ? Optional.empty() : Optional.of(Secret.of(secret.get()));
    }

    /// Saves through the connections view model; `onSaved` runs once it is on disk.
    public boolean save(Runnable onSaved) {
        Optional<ConnectionProfile> profile = toProfile();
        if (profile.isEmpty()) {
            return false;
        }
        if (!isEditing() && typedSecret().isEmpty()) {
            diagnosisKind.set(Diagnosis.Kind.NO_SECRET);
            diagnosis.set(text.get("form.secretMissing"));
            return false;
        }
        connections.save(profile.get(), typedSecret(), remember.get() && rememberAvailability().available(), onSaved);
        return true;
    }

    public void test() {
        Optional<ConnectionProfile> profile = toProfile();
        if (profile.isEmpty()) {
            return;
        }
        if (typedSecret().isEmpty()) {
            diagnosisKind.set(Diagnosis.Kind.NO_SECRET);
            diagnosis.set(text.get("form.secretMissingForTest"));
            return;
        }
        testing.set(true);
        diagnosisKind.set(null);
        diagnosis.set(text.get("form.testing"));
        connections.testConnection(profile.get(), typedSecret().get(), result -> {
            testing.set(false);
            diagnosisKind.set(result.diagnosis().kind());
            diagnosis.set(result.message());
        });
    }

    private Optional<String> validate() {
        if (host.get() == null || host.get().isBlank() || host.get().strip().contains(" ")) {
            return Optional.of(text.get("form.hostMissing"));
        }
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            return Optional.of(text.get("form.portInvalid"));
        }
        if (authKind.get() == AuthKind.TOKEN) {
            if (!userId.get().strip().matches("[^@\\s]+@[^@\\s]+")) {
                return Optional.of(text.get("form.userIdInvalid"));
            }
            // PVE's own rule for token names.
            if (!tokenId.get().strip().matches("[A-Za-z][A-Za-z0-9.\\-_]+")) {
                return Optional.of(text.get("form.tokenIdInvalid"));
            }
        } else if (username.get().isBlank() || realm.get().isBlank()) {
            return Optional.of(text.get("form.userMissing"));
        }
        return Optional.empty();
    }
}
