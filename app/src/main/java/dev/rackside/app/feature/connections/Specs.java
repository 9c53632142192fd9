package dev.rackside.app.feature.connections;

import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.TrustPolicy;
import java.util.Objects;

/// Turns a saved profile plus its secret into what the client library needs.
final class Specs {
    private Specs() {
    }

    /// @throws IllegalArgumentException when the profile lacks what its auth kind needs
    static ConnectionSpec of(ConnectionProfile p, Secret secret) {
        Credentials credentials = switch (p.authKind()) {
            case TOKEN -> new Credentials.ApiToken(required(p.userId()), required(p.tokenId()), secret);
            case PASSWORD -> new Credentials.Password(required(p.username()), Objects.requireNonNullElse(p.realm(), "pam"), secret);
        };
        // A pin overrides the CAs: PVE's self-signed certificates are what pinning is for.
        TrustPolicy trust = p.pin().map(TrustPolicy::pinned).orElseGet(TrustPolicy::systemCertificateAuthorities);
        return ConnectionSpec.of(p.host().strip(), credentials, trust).withPort(p.port());
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field");
        }
        return value.strip();
    }
}
