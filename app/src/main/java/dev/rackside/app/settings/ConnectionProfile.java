package dev.rackside.app.settings;

import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.TrustPolicy;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/// How to reach one cluster, as the operator saved it. Holds NO secret: passwords and token
/// secrets live in a [SecretStore] under the profile's id.
///
/// @param id                the key of the profile and of its secret
/// @param name              what the operator calls the cluster
/// @param host              host name or address of any node
/// @param port              pveproxy port (8006)
/// @param authKind          API token or user and password
/// @param userId            for tokens: the owner, `USER@REALM` (`root@pam`)
/// @param tokenId           for tokens: the token name
/// @param username          for passwords: the user name, without realm
/// @param realm             for passwords: `pam`, `pve`, …
/// @param pinnedFingerprint the SHA-256 fingerprint the operator trusted, or null to rely on the system CAs
public record ConnectionProfile(UUID id, String name, String host, int port, AuthKind authKind,
                                String userId, String tokenId, String username, String realm,
                                String pinnedFingerprint) {

    public enum AuthKind { TOKEN, PASSWORD }

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(authKind, "authKind");
        name = name == null || name.isBlank() ? host : name.strip();
        port = port == 0 ? ConnectionSpec.DEFAULT_PORT : port;
        // Stored normalized so that comparing with a presented certificate is a plain equals.
        pinnedFingerprint = pinnedFingerprint == null || pinnedFingerprint.isBlank()
                ? null : TrustPolicy.normalize(pinnedFingerprint);
    }

    /// A token profile for `userId!tokenId` on port 8006, trusting the system CAs.
    public static ConnectionProfile token(String name, String host, String userId, String tokenId) {
        return new ConnectionProfile(UUID.randomUUID(), name, host, ConnectionSpec.DEFAULT_PORT, AuthKind.TOKEN,
                userId, tokenId, null, null, null);
    }

    /// A password profile on port 8006, trusting the system CAs.
    public static ConnectionProfile password(String name, String host, String username, String realm) {
        return new ConnectionProfile(UUID.randomUUID(), name, host, ConnectionSpec.DEFAULT_PORT, AuthKind.PASSWORD,
                null, null, username, realm, null);
    }

    public Optional<String> pin() {
        return Optional.ofNullable(pinnedFingerprint);
    }

    /// The user PVE will see: `root@pam` for both kinds.
    public String user() {
        if (authKind == AuthKind.TOKEN) {
            return userId == null ? "" : userId;
        }
        String u = username == null ? "" : username;
        return u.contains("@") || realm == null || realm.isBlank() ? u : u + "@" + realm;
    }

    public ConnectionProfile withPort(int p) {
        return new ConnectionProfile(id, name, host, p, authKind, userId, tokenId, username, realm, pinnedFingerprint);
    }

    public ConnectionProfile withPinnedFingerprint(String fingerprint) {
        return new ConnectionProfile(id, name, host, port, authKind, userId, tokenId, username, realm, fingerprint);
    }
}
