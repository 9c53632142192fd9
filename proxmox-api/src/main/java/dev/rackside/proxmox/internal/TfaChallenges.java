package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;
import dev.rackside.proxmox.ProxmoxException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/// Decodes the challenge PVE hides in a half ticket: `PVE:!tfa!<URI-encoded JSON>:<time>::<sig>`
/// (pve-manager LoginWindow.js; API-NOTES §2.1).
final class TfaChallenges {
    private static final String MARKER = "!tfa!";

    private TfaChallenges() {
    }

    static TfaChallenge parse(String halfTicket) throws ProxmoxException {
        String[] parts = halfTicket.split(":", 3);
        if (parts.length < 2 || !parts[1].startsWith(MARKER)) {
            throw new ProxmoxException.UnexpectedAnswer("second-factor challenge in an unknown format", null);
        }
        // URLDecoder would turn '+' into a space; encodeURIComponent never emits a raw '+', so protect it.
        String json = URLDecoder.decode(parts[1].substring(MARKER.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        try {
            JsonNode c = HttpTransport.JSON.readTree(json);
            return new TfaChallenge(Lenient.bool(c, "totp"), recovery(c.get("recovery")), present(c, "webauthn"),
                    present(c, "u2f"), present(c, "yubico"));
        } catch (IOException e) {
            throw new ProxmoxException.UnexpectedAnswer("second-factor challenge is not JSON", e);
        }
    }

    private static boolean present(JsonNode c, String key) {
        JsonNode v = c.get(key);
        return v != null && !v.isNull() && !(v.isBoolean() && !v.asBoolean()) && !(v.isNumber() && v.asInt() == 0);
    }

    /// The available recovery key indices; PVE sends a list of indices.
    private static List<Integer> recovery(JsonNode r) {
        List<Integer> out = new ArrayList<>();
        if (r != null && r.isArray()) {
            r.forEach(i -> out.add(i.asInt()));
        }
        return out;
    }
}
