package dev.rackside.app.settings;

import dev.rackside.proxmox.Secret;
import java.util.Optional;
import java.util.UUID;

/// Where passwords and API token secrets are kept, one per connection profile. Never a plain file:
/// either the operating system's keychain or memory that dies with the process.
///
/// Calls may block (a keychain may ask the operator to unlock it): call them off the UI thread.
public interface SecretStore {

    /// Whether this store can keep secrets across restarts, and if not, why (for the operator).
    ///
    /// @param reason empty when available; otherwise a sentence the UI shows next to "remember secret"
    record Availability(boolean available, String reason) {
        public static Availability yes() {
            return new Availability(true, "");
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }

    Availability available();

    void store(UUID profileId, Secret secret) throws SecretStoreException;

    Optional<Secret> load(UUID profileId) throws SecretStoreException;

    /// Forgets the secret; nothing happens when there is none.
    void delete(UUID profileId) throws SecretStoreException;
}
