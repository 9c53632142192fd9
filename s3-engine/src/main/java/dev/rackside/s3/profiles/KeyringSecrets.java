package dev.rackside.s3.profiles;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.rackside.s3.Secret;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Secret keys from the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager)
/// through java-keyring, where the Rackside app saved them: service [EndpointProfile#KEYCHAIN_SERVICE],
/// account [EndpointProfile#keychainAccount()].
///
/// Each read has a time limit: a keychain can hang on D-Bus or wait for an unlock prompt.
public final class KeyringSecrets implements SecretLookup {
    private final Duration timeout;

    public KeyringSecrets(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Optional<Secret> secretKey(UUID profileId) {
        FutureTask<Optional<Secret>> read = new FutureTask<>(() -> {
            try (Keyring keyring = Keyring.create()) {
                String value = keyring.getPassword(EndpointProfile.KEYCHAIN_SERVICE, profileId.toString());
                return value == null ? Optional.<Secret>empty() : Optional.of(Secret.of(value));
            } catch (PasswordAccessException e) {
                return Optional.<Secret>empty(); // how java-keyring reports a missing entry on every backend
            }
        });
        Thread worker = new Thread(read, "rackside-keychain");
        worker.setDaemon(true); // an unanswered D-Bus call must not keep the command from exiting
        worker.start();
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new IllegalStateException("the keychain did not answer within " + timeout.toSeconds()
                    + " s (is it locked, or is no keychain service running?)", e);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the keychain", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("no keychain is available (" + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()) + ")", cause);
        }
    }
}
