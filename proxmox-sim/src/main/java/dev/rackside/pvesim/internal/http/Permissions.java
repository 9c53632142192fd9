package dev.rackside.pvesim.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Evaluates a schema `permissions` declaration like pve-access-control `RPCEnvironment::check_api2_permissions`:
/// `user: all|world`, `check: [perm, PATH, [PRIVS], any, 1]`, `[and|or, …]`. Other check kinds
/// (userid-group, perm-modify) are granted to root only: they guard user management, which the
/// simulator does not offer.
final class Permissions {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private Permissions() {
    }

    /// Throws the 403 PVE would send, or returns when the caller may proceed.
    static void check(JsonNode permissions, Caller caller, Map<String, String> params, AccessControl acl) {
        if (caller.isRoot()) {
            return;
        }
        JsonNode check = permissions.get("check");
        String user = permissions.path("user").asText("");
        if (check == null || check.isNull()) {
            if ("all".equals(user) || "world".equals(user)) {
                return;
            }
            throw ApiError.status(403, "Permission check failed (user != root@pam)\n");
        }
        ApiError failure = evaluate(check, caller, params, acl);
        if (failure != null) {
            throw failure;
        }
    }

    /// Null when granted, else the error naming the first missing privilege.
    private static ApiError evaluate(JsonNode check, Caller caller, Map<String, String> params, AccessControl acl) {
        String kind = check.path(0).asText();
        switch (kind) {
            case "perm" -> {
                String path = substitute(check.path(1).asText(), params);
                List<String> privs = new ArrayList<>();
                check.path(2).forEach(p -> privs.add(p.asText()));
                boolean any = check.size() >= 5 && "any".equals(check.path(3).asText()) && check.path(4).asInt() == 1;
                if (any) {
                    return privs.stream().anyMatch(p -> acl.has(caller, path, p)) ? null
                            : ApiError.status(403, "Permission check failed (" + path + ", " + String.join("|", privs) + ")\n");
                }
                for (String p : privs) {
                    if (!acl.has(caller, path, p)) {
                        return ApiError.permission(path, p);
                    }
                }
                return null;
            }
            case "and" -> {
                for (int i = 1; i < check.size(); i++) {
                    ApiError e = evaluate(check.get(i), caller, params, acl);
                    if (e != null) {
                        return e;
                    }
                }
                return null;
            }
            case "or" -> {
                for (int i = 1; i < check.size(); i++) {
                    if (evaluate(check.get(i), caller, params, acl) == null) {
                        return null;
                    }
                }
                return ApiError.status(403, "Permission check failed\n");
            }
            default -> {
                return ApiError.status(403, "Permission check failed\n");
            }
        }
    }

    private static String substitute(String template, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
        }
        m.appendTail(sb);
        String p = sb.toString().replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
