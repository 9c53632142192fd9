package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/// Reads fields the way real PVE sends them: booleans as 0/1 (or "0"/"1"), numbers as strings,
/// keys omitted instead of null, unknown keys everywhere. Every getter has a default.
public final class Lenient {
    private Lenient() {
    }

    public static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    public static long longValue(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        return parseNumber(v.asText()).map(d -> (long) (double) d).orElse(0L);
    }

    public static OptionalLong optionalLong(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || (v.isTextual() && parseNumber(v.asText()).isEmpty())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(longValue(n, key));
    }

    public static int intValue(JsonNode n, String key) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, longValue(n, key)));
    }

    public static double doubleValue(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return parseNumber(v.asText()).orElse(0.0);
    }

    /// PVE's booleans: JSON true/false, 0/1, or the strings "0"/"1"/"true"/"false"/"yes"/"no"/"on"/"off".
    public static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        return switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    public static List<Double> doubles(JsonNode n, String key) {
        JsonNode v = n.get(key);
        List<Double> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                out.add(e.isNumber() ? e.asDouble() : parseNumber(e.asText()).orElse(0.0));
            }
        }
        return out;
    }

    /// PVE tag lists are `;`-separated when stored; input may also use `,` or spaces.
    public static List<String> tags(JsonNode n, String key) {
        String raw = text(n, key).trim();
        if (raw.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(raw.split("[;,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public static JsonNode object(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isObject() ? v : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static java.util.Optional<Double> parseNumber(String s) {
        try {
            return java.util.Optional.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
