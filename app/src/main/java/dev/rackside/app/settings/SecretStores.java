package dev.rackside.app.settings;

import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.Secret;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/// Picks where secrets go on this machine.
public final class SecretStores {
    private static final System.Logger LOG = System.getLogger(SecretStores.class.getName());
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);

    private SecretStores() {
    }

    /// The keychain when it answers within a few seconds; otherwise a store that keeps nothing and
    /// whose [SecretStore#available()] explains why, so the UI can offer "don't remember the
    /// secret". Never falls back to a plain file.
    public static SecretStore best() {
        try {
            return KeychainSecretStore.open(PROBE_TIMEOUT, OPERATION_TIMEOUT);
        } catch (SecretStoreException e) {
            // Expected on machines without a keychain: one line, the stack trace only when debugging.
            LOG.log(Level.INFO, "no keychain: {0}", e.getMessage());
            LOG.log(Level.DEBUG, "keychain probe failed", e);
            return unavailable(e.getMessage());
        }
    }

    /// [#best()], probed on a background thread so that start-up does not wait for the keychain
    /// (a D-Bus round trip, or an unlock prompt); the first call that needs it waits for the probe.
    public static SecretStore bestInBackground() {
        return bestInBackground(java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /// [#bestInBackground()] with the probe started when `start` completes (the app passes its first
    /// frame: loading JNA and D-Bus would compete with it for the CPU), or by the first call that
    /// needs the store, whichever comes first.
    public static SecretStore bestInBackground(java.util.concurrent.CompletionStage<?> start) {
        java.util.concurrent.CompletableFuture<SecretStore> probe = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable begin = () -> {
            if (started.compareAndSet(false, true)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        probe.complete(best());
                    } catch (RuntimeException | Error e) {
                        probe.completeExceptionally(e);
                    }
                });
            }
        };
        start.thenRun(begin);
        return new SecretStore() {
            private SecretStore store() {
                begin.run();
                return probe.join();
            }

            @Override
            public Availability available() {
                return store().available();
            }

            @Override
            public void store(java.util.UUID profileId, dev.rackside.proxmox.Secret secret) throws SecretStoreException {
                store().store(profileId, secret);
            }

            @Override
            public java.util.Optional<dev.rackside.proxmox.Secret> load(java.util.UUID profileId) throws SecretStoreException {
                return store().load(profileId);
            }

            @Override
            public void delete(java.util.UUID profileId) throws SecretStoreException {
                store().delete(profileId);
            }
        };
    }

    /// A store that refuses to keep anything, for machines without a keychain.
    public static SecretStore unavailable(String reason) {
        String text = Messages.of(SecretStores.class).get("keychain.none", reason);
        return new SecretStore() {
            @Override
            public Availability available() {
                return Availability.no(text);
            }

            @Override
            public void store(UUID profileId, Secret secret) throws SecretStoreException {
                throw new SecretStoreException(text, null);
            }

            @Override
            public Optional<Secret> load(UUID profileId) {
                return Optional.empty();
            }

            @Override
            public void delete(UUID profileId) {
                // nothing was ever stored
            }
        };
    }
}
