package dev.rackside.app.settings;

/// The keychain refused, failed or did not answer. The message says so for the operator and
/// never contains the secret.
public final class SecretStoreException extends Exception {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
