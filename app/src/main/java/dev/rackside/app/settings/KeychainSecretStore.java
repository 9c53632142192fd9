package dev.rackside.app.settings;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.Secret;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Secrets in the operating system's keychain (Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows) through java-keyring. Each secret is stored under the service
/// name `Rackside` and the profile id as account.
///
/// Every call runs on one daemon thread with a time limit: a keychain can hang on D-Bus or wait
/// for an unlock prompt, and that must never freeze Rackside or keep it from exiting.
public final class KeychainSecretStore implements SecretStore, AutoCloseable {
    static final String SERVICE = "Rackside";

    private final Keyring keyring;
    private final ExecutorService worker;
    private final Duration timeout;

    private KeychainSecretStore(Keyring keyring, ExecutorService worker, Duration timeout) {
        this.keyring = keyring;
        this.worker = worker;
        this.timeout = timeout;
    }

    /// Opens the keychain, waiting at most `probeTimeout`.
    ///
    /// @param operationTimeout how long later calls may take (an unlock prompt needs a human)
    /// @throws SecretStoreException with the reason the keychain cannot be used
    public static KeychainSecretStore open(Duration probeTimeout, Duration operationTimeout) throws SecretStoreException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rackside-keychain");
            t.setDaemon(true);
            return t;
        });
        try {
            Keyring keyring = call(worker, probeTimeout, () -> {
                Keyring k = Keyring.create();
                // Opening succeeds on some backends without a running service; a read proves it answers.
                k.getPassword(SERVICE, "rackside-probe");
                return k;
            }, true);
            return new KeychainSecretStore(keyring, worker, operationTimeout);
        } catch (SecretStoreException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    @Override
    public Availability available() {
        return Availability.yes();
    }

    @Override
    public void store(UUID profileId, Secret secret) throws SecretStoreException {
        call(worker, timeout, () -> {
            keyring.setPassword(SERVICE, profileId.toString(), secret.reveal());
            return null;
        }, false);
    }

    @Override
    public Optional<Secret> load(UUID profileId) throws SecretStoreException {
        return call(worker, timeout, () -> {
            try {
                String value = keyring.getPassword(SERVICE, profileId.toString());
                return value == null ? Optional.<Secret>empty() : Optional.of(Secret.of(value));
            } catch (PasswordAccessException e) {
                // java-keyring reports a missing entry this way on every backend.
                return Optional.<Secret>empty();
            }
        }, false);
    }

    @Override
    public void delete(UUID profileId) throws SecretStoreException {
        call(worker, timeout, () -> {
            try {
                keyring.deletePassword(SERVICE, profileId.toString());
            } catch (PasswordAccessException e) {
                // nothing stored: deleting is already done
            }
            return null;
        }, false);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static <T> T call(ExecutorService worker, Duration limit, Callable<T> work, boolean probing)
            throws SecretStoreException {
        Messages m = Messages.of(KeychainSecretStore.class);
        Future<T> f = worker.submit(work);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new SecretStoreException(m.get("keychain.timeout", limit.toSeconds()), e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new SecretStoreException(m.get("keychain.interrupted"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new SecretStoreException(m.get(probing ? "keychain.unavailable" : "keychain.failed", detail), cause);
        }
    }
}
