package dev.rackside.app.settings;

/// A settings or profile file could not be written. The message is for the operator
/// (which file, and why) and never contains a secret.
public final class StorageException extends Exception {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
