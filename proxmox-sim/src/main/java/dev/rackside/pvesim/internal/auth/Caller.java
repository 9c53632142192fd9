package dev.rackside.pvesim.internal.auth;

/// Who is calling, after authentication.
///
/// @param userId  `root@pam`
/// @param tokenId the token name when the call uses an API token, else null
public record Caller(String userId, String tokenId) {
    public boolean isToken() {
        return tokenId != null;
    }

    public boolean isRoot() {
        return "root@pam".equals(userId) && tokenId == null;
    }

    /// `user@realm` or `user@realm!token`, as PVE writes it in UPIDs and task lists.
    public String authId() {
        return tokenId == null ? userId : userId + "!" + tokenId;
    }
}
