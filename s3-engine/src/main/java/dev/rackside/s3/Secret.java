package dev.rackside.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/// A secret access key or session token.
///
/// `toString()` is always masked so a secret can sit in records, logs and exception messages
/// without leaking; the clear text is only reachable through [#reveal()].
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /// The clear text. Call only where the secret leaves the process (the SDK, a keychain).
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 31; // constant on purpose: a hash of a secret is a (weak) leak
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
