package dev.rackside.app.settings;

import dev.rackside.proxmox.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/// Secrets kept only while Rackside runs: for tests, the demo, and for secrets the operator
/// chose not to remember.
public final class InMemorySecretStore implements SecretStore {
    private final Map<UUID, Secret> secrets = new ConcurrentHashMap<>();

    @Override
    public Availability available() {
        return Availability.yes();
    }

    @Override
    public void store(UUID profileId, Secret secret) {
        secrets.put(Objects.requireNonNull(profileId, "profileId"), Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public Optional<Secret> load(UUID profileId) {
        return Optional.ofNullable(secrets.get(profileId));
    }

    @Override
    public void delete(UUID profileId) {
        secrets.remove(profileId);
    }
}
