package dev.rackside.proxmox;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/// Which server certificate Rackside accepts. There is deliberately no "trust all".
public sealed interface TrustPolicy {

    /// Accept certificates that chain to the operating system's / JDK's CA store and match the host name.
    record SystemCertificateAuthorities() implements TrustPolicy {
    }

    /// Accept exactly one leaf certificate, identified by its SHA-256 fingerprint (trust on first use).
    /// Host name and CA are not checked: the pin is the stronger statement, and PVE's default
    /// certificates are issued by a per-cluster CA for names operators rarely type.
    record PinnedCertificate(String sha256Fingerprint) implements TrustPolicy {
        public PinnedCertificate {
            sha256Fingerprint = normalize(sha256Fingerprint);
        }

        /// Whether `fingerprint` (any case, with or without colons) names the pinned certificate.
        public boolean matches(String fingerprint) {
            return sha256Fingerprint.equals(normalize(fingerprint));
        }
    }

    static TrustPolicy systemCertificateAuthorities() {
        return new SystemCertificateAuthorities();
    }

    static TrustPolicy pinned(String sha256Fingerprint) {
        return new PinnedCertificate(sha256Fingerprint);
    }

    /// Upper-case colon-separated hex, the form PVE prints (`80:D4:…:F5`).
    static String normalize(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: '" + fingerprint + "'");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
