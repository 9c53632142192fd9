package dev.rackside.app.feature.s3.endpoints;

import dev.rackside.app.fx.Messages;
import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.profiles.UploadEncryption;
import dev.rackside.s3.profiles.UploadEncryption.Mode;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The upload-encryption part of the endpoint form: the mode, SSE-KMS's key id, and the client-side
/// key as text. A key is generated when client-side encryption is first chosen; one from another
/// computer is pasted; an edited endpoint's key stays as it is while the field is left empty.
public final class EncryptionFields {
    public final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NONE);
    public final StringProperty kmsKeyId = new SimpleStringProperty("");
    /// The client-side key typed, pasted or generated; empty keeps the endpoint's saved key.
    public final StringProperty key = new SimpleStringProperty("");
    private final Optional<ClientSideKey> saved;
    // Editing an endpoint that encrypts, whose key this run could not read: one may be in the keychain.
    private final boolean keyMayExist;
    private final Messages text;
    private final StringBinding note;

    /// @param original how the endpoint encrypts now (none for a new endpoint)
    /// @param saved    the endpoint's client-side key on this computer, if it has one
    EncryptionFields(UploadEncryption original, Optional<ClientSideKey> saved, Messages text) {
        this.saved = saved;
        this.keyMayExist = saved.isEmpty() && original.clientSide();
        this.text = text;
        mode.set(original.mode());
        kmsKeyId.set(original.kmsKeyId() == null ? "" : original.kmsKeyId());
        mode.addListener((o, was, now) -> {
            if (now == Mode.CLIENT_SIDE && key.get().isBlank() && saved.isEmpty() && !keyMayExist) {
                newKey();
            }
        });
        note = Bindings.createStringBinding(this::explain, mode, key);
    }

    /// Replaces the key field with a new random key.
    public void newKey() {
        key.set(ClientSideKey.generate().toText());
    }

    /// What "Copy key" copies: the key in the field, else the saved one.
    public Optional<String> keyToCopy() {
        String typed = key.get().strip();
        return typed.isEmpty() ? saved.map(ClientSideKey::toText) : Optional.of(typed);
    }

    /// A sentence under the fields: what the mode does, and what a change of key or mode means for
    /// the objects already encrypted.
    public StringBinding noteProperty() {
        return note;
    }

    /// Whether the chosen mode needs the key row.
    public boolean clientSide() {
        return mode.get() == Mode.CLIENT_SIDE;
    }

    /// What the endpoint is saved with.
    UploadEncryption toEncryption() {
        return new UploadEncryption(mode.get(), kmsKeyId.get());
    }

    /// A key to store with the endpoint: generated or pasted, and not the one it already has.
    Optional<ClientSideKey> keyToStore() {
        if (key.get().isBlank() || !clientSide()) {
            return Optional.empty(); // a key made and then left for another mode replaces nothing
        }
        ClientSideKey k = ClientSideKey.fromText(key.get());
        return saved.filter(k::equals).isPresent() ? Optional.empty() : Optional.of(k);
    }

    /// Why the fields cannot be saved, if they cannot.
    Optional<String> problem() {
        if (clientSide() && !key.get().isBlank()) {
            try {
                ClientSideKey.fromText(key.get());
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (clientSide() && key.get().isBlank() && saved.isEmpty() && !keyMayExist) {
            return Optional.of(text.get("encryption.keyMissing"));
        }
        if (mode.get() == Mode.SSE_KMS && !kmsKeyId.get().isBlank() && !kmsKeyId.get().strip().matches("[A-Za-z0-9:/_.-]+")) {
            return Optional.of(text.get("encryption.kmsInvalid"));
        }
        return Optional.empty();
    }

    private String explain() {
        boolean replacing = clientSide() && !key.get().isBlank() && (keyMayExist || saved.isPresent() && keyDiffers());
        if (replacing) {
            return text.get("encryption.note.replacing");
        }
        if (keyMayExist && clientSide()) {
            return text.get("encryption.note.unread");
        }
        if (!clientSide() && saved.isPresent()) {
            return text.get("encryption.note.keyKept");
        }
        return text.get("encryption.note." + mode.get().name());
    }

    private boolean keyDiffers() {
        try {
            return !saved.get().equals(ClientSideKey.fromText(key.get()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
