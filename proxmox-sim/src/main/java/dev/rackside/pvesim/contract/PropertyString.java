package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/// `PVE::JSONSchema::parse_property_string`: `key=value,key2=value2` against a format hash.
final class PropertyString {

    private static final Pattern KEY_VALUE = PerlRegex.compile("^([^=]+)=(.+)$");
    private static final Pattern BLANK = PerlRegex.compile("^\\s*$");
    private static final Pattern TRUE = PerlRegex.compileIgnoreCase("^(1|on|yes|true)$");
    private static final Pattern FALSE = PerlRegex.compileIgnoreCase("^(0|off|no|false)$");

    // Hash formats that the API dump names but does not spell out. Only prune-backups
    // (pve-storage Storage/Plugin.pm) matters to the console: storage and backup-job edits.
    private static final Map<String, JsonNode> NAMED = Map.of("prune-backups", json("""
            {"keep-all":{"type":"boolean","optional":1},
             "keep-last":{"type":"integer","optional":1,"minimum":"0"},
             "keep-hourly":{"type":"integer","optional":1,"minimum":"0"},
             "keep-daily":{"type":"integer","optional":1,"minimum":"0"},
             "keep-weekly":{"type":"integer","optional":1,"minimum":"0"},
             "keep-monthly":{"type":"integer","optional":1,"minimum":"0"},
             "keep-yearly":{"type":"integer","optional":1,"minimum":"0"}}"""));

    private PropertyString() {}

    /// The format hash registered under `name`, or null.
    static JsonNode named(String name) {
        return NAMED.get(name);
    }

    /// Parses and checks `data`; on failure throws [FormatException] with PVE's message
    /// ("format error\n" followed by one "path: message\n" line per problem).
    /// `validatorName` selects the extra validator a named format registered, if any.
    static Map<String, Object> parse(JsonNode format, String data, String path, String validatorName) {
        Map<String, Object> result = new LinkedHashMap<>();
        String defaultKey = null;
        // Perl's split drops trailing empty fields; skipped anyway as blank parts
        for (String part : data.split(",")) {
            if (BLANK.matcher(part).find()) {
                continue;
            }
            var kv = KEY_VALUE.matcher(part);
            if (kv.find()) {
                String key = kv.group(1);
                String value = kv.group(2);
                if (result.get(key) != null) {
                    throw new FormatException("duplicate key in comma-separated list property: " + key + "\n");
                }
                JsonNode schema = format.get(key);
                if (schema != null && Schemas.truthy(schema.get("alias"))) {
                    JsonNode keyAlias = schema.get("keyAlias");
                    if (Schemas.truthy(keyAlias)) {
                        if (result.get(keyAlias.asText()) != null) {
                            throw new FormatException("key alias '" + keyAlias.asText() + "' is already defined\n");
                        }
                        result.put(keyAlias.asText(), key);
                    }
                    key = schema.get("alias").asText();
                    schema = format.get(key);
                    if (result.get(key) != null) {
                        throw new FormatException("key '" + key + "' is already defined (via alias)\n");
                    }
                }
                if (schema == null) {
                    throw new FormatException("invalid key in comma-separated list property: " + key + "\n");
                }
                result.put(key, booleanIfBoolean(schema, value));
            } else if (part.indexOf('=') < 0) {
                if (defaultKey != null) {
                    throw new FormatException("duplicate key in comma-separated list property: " + defaultKey + "\n");
                }
                defaultKey = defaultKey(format);
                if (defaultKey == null) {
                    throw new FormatException("value without key, but schema does not define a default key\n");
                }
                if (isTrue(result.get(defaultKey))) {
                    throw new FormatException("duplicate key in comma-separated list property: " + defaultKey + "\n");
                }
                result.put(defaultKey, booleanIfBoolean(format.get(defaultKey), part));
            } else {
                throw new FormatException("missing key in comma-separated list property\n");
            }
        }

        var checker = new SchemaChecker();
        // property strings never allow keys outside their format
        checker.checkObject(path, format, result, IntNode.valueOf(0));
        if (!checker.errors().isEmpty()) {
            var message = new StringBuilder("format error\n");
            checker.errors().forEach((k, v) -> message.append(k).append(": ").append(v).append('\n'));
            throw new FormatException(message.toString());
        }
        if ("prune-backups".equals(validatorName)) {
            validatePruneBackups(result);
        }
        return result;
    }

    /// pve-storage `validate_prune_backups`.
    private static void validatePruneBackups(Map<String, Object> options) {
        boolean anyPositive = false;
        for (var e : options.entrySet()) {
            if (!e.getKey().equals("keep-all") && e.getValue() instanceof String s
                    && Schemas.isNumber(s) && Schemas.number(s) > 0) {
                anyPositive = true;
            }
        }
        if (anyPositive && isTrue(options.get("keep-all"))) {
            throw new FormatException("keep-all cannot be set together with other options.\n");
        }
    }

    private static String defaultKey(JsonNode format) {
        Iterator<Map.Entry<String, JsonNode>> fields = format.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (Schemas.truthy(field.getValue().get("default_key"))) {
                return field.getKey();
            }
        }
        return null;
    }

    /// `parse_boolean($v) // $v` for boolean-typed keys.
    private static String booleanIfBoolean(JsonNode schema, String value) {
        if (schema == null || !"boolean".equals(Schemas.text(schema.get("type")))) {
            return value;
        }
        if (TRUE.matcher(value).find()) {
            return "1";
        }
        return FALSE.matcher(value).find() ? "0" : value;
    }

    private static boolean isTrue(Object value) {
        return value instanceof String s && !s.isEmpty() && !s.equals("0");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
