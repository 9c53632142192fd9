package dev.rackside.proxmox;

import java.util.Objects;

/// A password, API token secret, ticket or CSRF token.
///
/// Exists so that secrets can travel through records and logs without ever being printed:
/// `toString()` is always masked, and the value is only reachable through [#reveal()], which
/// makes every place that needs the clear text easy to find.
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /// The clear text. Call only where the secret leaves the process (HTTP header, keychain).
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 31; // deliberately constant: a hash of a secret is a (weak) leak
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
