package dev.rackside.pvesim.internal.auth;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/// Users, API tokens and ACLs, evaluated the way pve-access-control does: the most specific ACL path
/// with entries for the user (or token) wins; inherited entries apply only when `propagate` is set;
/// `root@pam` has every privilege; a privilege-separated token gets the intersection of its own
/// and its user's privileges.
public final class AccessControl {
    public record User(String userId, String password, boolean enabled) {
    }

    /// @param expire epoch seconds, 0 = never
    public record Token(String userId, String tokenId, String secret, boolean privsep, long expire) {
        public String fullId() {
            return userId + "!" + tokenId;
        }
    }

    public record AclEntry(String path, String ugid, String role, boolean propagate) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final List<AclEntry> acl = new CopyOnWriteArrayList<>();

    public void addUser(String userId, String password) {
        users.put(userId, new User(userId, password, true));
    }

    public void setEnabled(String userId, boolean enabled) {
        User u = users.get(userId);
        if (u != null) {
            users.put(userId, new User(userId, u.password(), enabled));
        }
    }

    public Token addToken(String userId, String tokenId, boolean privsep, long expire) {
        return addToken(userId, tokenId, privsep, expire, UUID.randomUUID().toString());
    }

    public Token addToken(String userId, String tokenId, boolean privsep, long expire, String secret) {
        if (!users.containsKey(userId)) {
            throw new IllegalArgumentException("no such user " + userId);
        }
        Token t = new Token(userId, tokenId, secret, privsep, expire);
        tokens.put(t.fullId(), t);
        return t;
    }

    public void grant(String path, String ugid, String role, boolean propagate) {
        Roles.privileges(role); // fail early on a typo
        acl.add(new AclEntry(normalize(path), ugid, role, propagate));
    }

    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public Optional<Token> token(String fullId) {
        return Optional.ofNullable(tokens.get(fullId));
    }

    public boolean checkPassword(String userId, String password) {
        User u = users.get(userId);
        return u != null && u.enabled() && u.password().equals(password);
    }

    public boolean has(Caller caller, String path, String privilege) {
        return privileges(caller, path).contains(privilege);
    }

    public Set<String> privileges(Caller caller, String path) {
        if (caller.isRoot()) {
            return Roles.ALL_PRIVILEGES;
        }
        Set<String> userPrivs = caller.userId().equals("root@pam") ? Roles.ALL_PRIVILEGES : effective(caller.userId(), path);
        if (!caller.isToken()) {
            return userPrivs;
        }
        Token t = tokens.get(caller.authId());
        if (t == null) {
            return Set.of();
        }
        if (!t.privsep()) {
            return userPrivs;
        }
        Set<String> both = new HashSet<>(effective(t.fullId(), path));
        both.retainAll(userPrivs);
        return both;
    }

    private Set<String> effective(String ugid, String path) {
        String target = normalize(path);
        Set<String> result = Set.of();
        // Walk from "/" down to the target; a level with entries for this ugid replaces what was inherited.
        for (String level : levels(target)) {
            List<AclEntry> here = new ArrayList<>();
            for (AclEntry e : acl) {
                if (e.path().equals(level) && e.ugid().equals(ugid) && (e.propagate() || level.equals(target))) {
                    here.add(e);
                }
            }
            if (!here.isEmpty()) {
                Set<String> s = new HashSet<>();
                here.forEach(e -> s.addAll(Roles.privileges(e.role())));
                result = s;
            }
        }
        return result;
    }

    private static List<String> levels(String path) {
        List<String> out = new ArrayList<>(List.of("/"));
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                sb.append('/').append(part);
                out.add(sb.toString());
            }
        }
        return out;
    }

    static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
