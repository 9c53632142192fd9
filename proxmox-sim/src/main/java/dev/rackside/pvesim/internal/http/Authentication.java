package dev.rackside.pvesim.internal.http;

import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.Caller;
import dev.rackside.pvesim.internal.auth.Tickets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// pve-manager's `auth_handler`: who is calling, before any routing. Failures are 401s with the
/// reason phrase PVE 9.1.3 sends and no body (pve-behaviour.md §2.4; 9.1.5 later unified them to
/// "Authentication failed!", but this simulator reports itself as 9.1.3).
public final class Authentication {
    private static final Set<String> EXEMPT = Set.of("GET /access/domains", "GET /access/ticket", "POST /access/ticket",
            "POST /access/vncticket", "POST /access/openid/login", "POST /access/openid/auth-url");
    private static final Pattern TOKEN = Pattern.compile("(?:^|\\s)PVEAPIToken(?:=| )([^;]*)");
    private static final Pattern COOKIE_HEADER = Pattern.compile("(?:^|\\s)PVEAuthCookie=([^;]*)");
    private static final Pattern COOKIE = Pattern.compile("(?:^|;\\s*)PVEAuthCookie=([^;]*)");

    private final AccessControl acl;
    private final Tickets tickets;
    private final SimClock clock;

    public Authentication(AccessControl acl, Tickets tickets, SimClock clock) {
        this.acl = acl;
        this.tickets = tickets;
        this.clock = clock;
    }

    public static boolean exempt(String method, String path) {
        return EXEMPT.contains(method + " " + path);
    }

    /// Identifies the caller, or throws the 401 pveproxy would answer.
    public Caller authenticate(String method, String path, Function<String, String> header) {
        String ticket = find(COOKIE, header.apply("Cookie"));
        if (ticket == null) {
            ticket = find(COOKIE_HEADER, header.apply("Authorization"));
        }
        if (ticket != null) {
            // A ticket wins over a token header, as in PVE.
            return ticketCaller(unescape(ticket), method, path, header);
        }
        String token = find(TOKEN, header.apply("Authorization"));
        if (token != null) {
            return tokenCaller(unescape(token.strip()));
        }
        throw ApiError.unauthenticated("No ticket");
    }

    private Caller ticketCaller(String ticket, String method, String path, Function<String, String> header) {
        if (ticket.startsWith("PVE:!tfa!")) {
            throw ApiError.unauthenticated("No ticket"); // half tickets open only the TFA step
        }
        Optional<String> user = tickets.verify(ticket, "PVE", clock.epochSecond(), Tickets.LIFETIME);
        if (user.isEmpty() || acl.user(user.get()).isEmpty()) {
            throw ApiError.unauthenticated("permission denied - invalid PVE ticket");
        }
        if (!acl.user(user.get()).get().enabled()) {
            throw ApiError.unauthenticated("user '" + user.get() + "' is disabled");
        }
        // Uploads are exempt from CSRF in PVE because browsers post them as multipart forms.
        boolean upload = path.matches("/nodes/[^/]+/storage/[^/]+/upload");
        if (!"GET".equals(method) && !upload
                && !tickets.verifyCsrf(header.apply("CSRFPreventionToken"), user.get(), clock.epochSecond())) {
            throw ApiError.unauthenticated("Permission denied - invalid csrf token");
        }
        return new Caller(user.get(), null);
    }

    private Caller tokenCaller(String value) {
        int eq = value.lastIndexOf('=');
        if (eq < 0) {
            throw ApiError.unauthenticated("no tokenid specified");
        }
        String fullId = value.substring(0, eq);
        String secret = value.substring(eq + 1);
        int bang = fullId.indexOf('!');
        if (bang < 0) {
            throw ApiError.unauthenticated("no tokenid specified");
        }
        String user = fullId.substring(0, bang);
        String tokenId = fullId.substring(bang + 1);
        var token = acl.token(fullId)
                .orElseThrow(() -> ApiError.unauthenticated("no such token '" + tokenId + "' for user '" + user + "'"));
        if (token.expire() != 0 && token.expire() < clock.epochSecond()) {
            throw ApiError.unauthenticated("token '" + tokenId + "' access expired");
        }
        if (!token.secret().equals(secret)) {
            throw ApiError.unauthenticated("invalid token value!");
        }
        if (acl.user(user).map(u -> !u.enabled()).orElse(true)) {
            throw ApiError.unauthenticated("user '" + user + "' is disabled");
        }
        return new Caller(user, tokenId);
    }

    /// PVE's `uri_unescape`: %XX only. A '+' stays a '+', which matters for base64 signatures.
    private static String unescape(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String find(Pattern p, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = p.matcher(value);
        return m.find() ? m.group(1) : null;
    }
}
