package dev.rackside.app.feature.s3.endpoints;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.app.settings.SecretStoreException;
import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.Secret;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.SecretLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// The keychain entries of the saved endpoints: each one's secret access key under its id, and its
/// client-side encryption key under [EndpointProfile#clientKeyAccount()]. Without a keychain both
/// are kept for this run only, and the operator is told so. Blocking: call off the UI thread.
final class EndpointSecrets {
    private final SecretStore keychain;
    // What was typed or generated this run, so an endpoint keeps working when the keychain is unavailable.
    private final InMemorySecretStore thisRun = new InMemorySecretStore();
    private final Messages text;

    EndpointSecrets(SecretStore keychain, Messages text) {
        this.keychain = keychain;
        this.text = text;
    }

    SecretStore.Availability availability() {
        return keychain.available();
    }

    /// The typed secret first, then this run's, then the keychain's.
    SecretLookup lookup(Optional<Secret> typed) {
        return id -> typed.isPresent() ? typed : load(id).map(s -> Secret.of(s.reveal()));
    }

    /// Keeps a typed secret key; where it went, when that is worth telling (only this run, or nowhere).
    Optional<String> storeSecret(EndpointProfile profile, Optional<Secret> secret) throws SecretStoreException {
        UUID id = profile.id();
        if (!profile.credentials().needsKeychainSecret()) {
            thisRun.delete(id);
            keychain.delete(id); // an ~/.aws profile needs no saved key: do not leave one behind
            return Optional.empty();
        }
        return secret.flatMap(s -> keep(id, s.reveal(), "secret", profile.name()));
    }

    /// Keeps a new or pasted client-side key. A key is never deleted here when the endpoint stops
    /// encrypting: the objects it encrypted still need it to be read.
    Optional<String> storeClientKey(EndpointProfile profile, Optional<ClientSideKey> key) {
        return key.flatMap(k -> keep(profile.clientKeyAccount(), k.toText(), "clientKey", profile.name()));
    }

    /// The endpoint's client-side key, if it has one here, and what to tell the operator when it
    /// encrypts uploads but its key cannot be read. Asked also of an endpoint that no longer
    /// encrypts: the objects it encrypted before still need the key to be downloaded.
    ClientKey clientKey(EndpointProfile profile, Optional<ClientSideKey> typed) {
        if (typed.isPresent()) {
            return new ClientKey(typed, Optional.empty());
        }
        boolean needed = profile.encryption().clientSide();
        try {
            Optional<ClientSideKey> key = load(profile.clientKeyAccount()).map(s -> ClientSideKey.fromText(s.reveal()));
            return new ClientKey(key, key.isEmpty() && needed
                    ? Optional.of(text.get("clientKey.missing", profile.name())) : Optional.empty());
        } catch (RuntimeException e) {
            return new ClientKey(Optional.empty(), needed
                    ? Optional.of(text.get("clientKey.unreadable", profile.name(), e.getMessage())) : Optional.empty());
        }
    }

    /// A client-side key as read, and a warning when it is missing.
    record ClientKey(Optional<ClientSideKey> key, Optional<String> warning) {
    }

    /// Deletes both keys of a removed endpoint; the problems, if any, for the operator.
    List<String> delete(EndpointProfile profile) {
        List<String> problems = new ArrayList<>();
        for (UUID account : List.of(profile.id(), profile.clientKeyAccount())) {
            thisRun.delete(account);
            try {
                keychain.delete(account);
            } catch (SecretStoreException e) {
                problems.add(text.get("secret.notDeleted", e.getMessage()));
            }
        }
        return problems;
    }

    private Optional<String> keep(UUID account, String value, String what, String endpoint) {
        thisRun.store(account, dev.rackside.proxmox.Secret.of(value));
        if (!keychain.available().available()) {
            return Optional.of(text.get(what + ".thisRunOnly", endpoint, keychain.available().reason()));
        }
        try {
            keychain.store(account, dev.rackside.proxmox.Secret.of(value));
            return Optional.empty();
        } catch (SecretStoreException e) {
            return Optional.of(text.get(what + ".notSaved", endpoint, e.getMessage()));
        }
    }

    private Optional<dev.rackside.proxmox.Secret> load(UUID account) {
        Optional<dev.rackside.proxmox.Secret> typedThisRun = thisRun.load(account);
        if (typedThisRun.isPresent()) {
            return typedThisRun;
        }
        try {
            return keychain.load(account);
        } catch (SecretStoreException e) {
            // the profile turns this into "cannot be read from the keychain: <why>"
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
