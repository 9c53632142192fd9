package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.ProxmoxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Maps PVE's error answers to typed exceptions. PVE puts the message in the HTTP reason phrase;
/// since libpve-http-server-perl 5.2.0 the JSON body also has `message`, older versions only the phrase.
final class ErrorMapper {
    private static final Pattern PERMISSION = Pattern.compile("Permission check failed \\(([^,]+), ([^)]+)\\)");
    // PVE reports missing guests and tasks as 500 with these texts (qemu-server / pve-container / pve-common).
    private static final Pattern MISSING = Pattern.compile(
            "(Configuration file '[^']*' does not exist|does not exist|no such (VM|task|node|storage|pool|user)|unable to open file)",
            Pattern.CASE_INSENSITIVE);

    private ErrorMapper() {
    }

    static ProxmoxException map(int status, String reason, JsonNode body, String method, String path) {
        String message = bestMessage(reason, body);
        return switch (status) {
            case 400 -> {
                Map<String, String> errors = errors(body);
                yield errors.isEmpty() ? new ProxmoxException.OperationFailed(status, message)
                        : new ProxmoxException.InvalidParameters(errors);
            }
            case 401 -> new ProxmoxException.AuthenticationFailed(message);
            case 403 -> {
                Matcher m = PERMISSION.matcher(message);
                yield m.find() ? new ProxmoxException.PermissionDenied(m.group(1).trim(), m.group(2).trim(), message)
                        : new ProxmoxException.PermissionDenied(null, null, message);
            }
            case 404 -> new ProxmoxException.NotFound(message);
            case 501 -> new ProxmoxException.UnexpectedAnswer(
                    "this Proxmox VE version does not offer " + method + " " + path + " (" + message + ")", null);
            case 595, 596, 597 -> new ProxmoxException.NodeUnreachable(status, message, null);
            default -> MISSING.matcher(message).find() && status == 500
                    ? new ProxmoxException.NotFound(message)
                    : new ProxmoxException.OperationFailed(status, message.isEmpty() ? "HTTP " + status : message);
        };
    }

    private static String bestMessage(String reason, JsonNode body) {
        String r = reason == null ? "" : reason.strip();
        if (!r.isEmpty()) {
            return r;
        }
        if (body != null && body.hasNonNull("message")) {
            return body.get("message").asText().strip();
        }
        return "";
    }

    private static Map<String, String> errors(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body != null && body.path("errors").isObject()) {
            body.get("errors").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText().strip()));
        }
        return out;
    }
}
