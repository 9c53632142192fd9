package dev.rackside.proxmox;

import java.util.Objects;

/// How Rackside proves who it is to a Proxmox VE cluster.
public sealed interface Credentials {

    /// The user id as PVE writes it (`root@pam`, `alice@pve`).
    String userId();

    /// An API token: stateless, no CSRF token, no ticket renewal.
    ///
    /// @param userId  `USER@REALM`
    /// @param tokenId the token name (PVE: `[A-Za-z][A-Za-z0-9.\-_]+`)
    /// @param secret  the UUID shown once when the token was created
    record ApiToken(String userId, String tokenId, Secret secret) implements Credentials {
        public ApiToken {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(secret, "secret");
            if (!userId.contains("@")) {
                throw new IllegalArgumentException("API token user must be USER@REALM, got '" + userId + "'");
            }
        }

        /// `USER@REALM!TOKENID`, as PVE lists it.
        public String fullTokenId() {
            return userId + "!" + tokenId;
        }
    }

    /// A user name and password, exchanged for a 2-hour ticket (renewed automatically).
    ///
    /// @param username the user, with or without `@realm`
    /// @param realm    the realm appended when `username` has none (`pam`, `pve`, …)
    record Password(String username, String realm, Secret password) implements Credentials {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String userId() {
            return username.contains("@") ? username : username + "@" + realm;
        }
    }
}
