package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/// Validates request parameters against an [Endpoint] exactly as PVE's API server does
/// (pve-http-server `extract_params`, pve-manager `rest_handler`, pve-common `RESTHandler::
/// handle` and `JSONSchema::validate`), with PVE's error keys and messages.
///
/// Values arrive as over HTTP: a repeated key is an array, and an empty value is treated
/// as absent, because PVE's url-encoded decoder turns `key=` into undef.
public final class ParameterValidator {

    private ParameterValidator() {}

    /// Validates the request parameters (query and body, already merged) of a matched path,
    /// adding the path parameters first. A request parameter that repeats a path parameter
    /// with a different value is refused before anything else, as pve-manager 9 does.
    public static ValidationResult validate(EndpointMatch match, Map<String, List<String>> requestParams) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        match.pathParameters().forEach((k, v) -> merged.put(k, List.of(v)));
        for (String key : new TreeSet<>(requestParams.keySet())) {
            String inUri = match.pathParameters().get(key);
            List<String> given = requestParams.get(key);
            if (inUri != null && !(given.size() == 1 && inUri.equals(given.getFirst()))) {
                return new ValidationResult(
                        Map.of(key, "duplicate parameter (already defined in URI) with conflicting values!"),
                        Map.of());
            }
            merged.put(key, given);
        }
        return validate(match.endpoint(), merged);
    }

    /// Validates all parameters of a request (path, query and body merged).
    public static ValidationResult validate(Endpoint endpoint, Map<String, List<String>> params) {
        JsonNode schema = endpoint.parameters();
        JsonNode properties = schema.get("properties");
        Map<String, Object> value = normalize(toPerl(params), properties);

        var checker = new SchemaChecker();
        if (properties == null && schema.has("additionalProperties")) {
            // The API dump drops empty `properties => {}` hashes. PVE methods without
            // parameters declare one, so unknown parameters are refused there too.
            checker.checkObject("", null, value, schema.get("additionalProperties"));
        } else {
            checker.checkProp(value, schema, "", null);
        }
        return new ValidationResult(checker.errors(), checker.errors().isEmpty() ? coerce(value, properties) : Map.of());
    }

    /// What `decode_urlencoded` builds: undef for an empty value, an array for repeats.
    private static Map<String, Object> toPerl(Map<String, List<String>> params) {
        Map<String, Object> out = new TreeMap<>();
        params.forEach((key, values) -> {
            Object perl = null;
            for (String v : values) {
                if (v == null || v.isEmpty()) {
                    perl = null; // a later "key=" overwrites what came before
                } else if (perl instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    var strings = (List<Object>) list;
                    strings.add(v);
                } else if (perl != null) {
                    perl = new ArrayList<Object>(List.of(perl, v));
                } else {
                    perl = v;
                }
            }
            out.put(key, perl);
        });
        return out;
    }

    /// `normalize_legacy_param_formats`: repeated keys of a `-list` string are joined with
    /// commas, a single value for an array parameter becomes a one-element array.
    private static Map<String, Object> normalize(Map<String, Object> params, JsonNode properties) {
        for (var entry : params.entrySet()) {
            JsonNode schema = Schemas.property(properties, entry.getKey());
            Object value = entry.getValue();
            if (schema == null || value == null || "0".equals(value)) {
                continue;
            }
            String type = Schemas.text(schema.get("type"));
            JsonNode format = schema.get("format");
            boolean listFormat = format != null && format.isTextual() && format.asText().endsWith("-list");
            if (value instanceof List<?> list && "string".equals(type) && listFormat) {
                entry.setValue(String.join(",", list.stream().map(Object::toString).toList()));
            } else if (value instanceof String && "array".equals(type)) {
                entry.setValue(new ArrayList<Object>(List.of(value)));
            }
        }
        return params;
    }

    private static Map<String, Object> coerce(Map<String, Object> params, JsonNode properties) {
        Map<String, Object> out = new TreeMap<>();
        params.forEach((key, value) -> {
            if (value != null) {
                JsonNode schema = Schemas.property(properties, key);
                out.put(key, coerce(value, schema));
            }
        });
        return out;
    }

    private static Object coerce(Object value, JsonNode schema) {
        if (value instanceof List<?> list) {
            JsonNode items = schema == null ? null : schema.get("items");
            return list.stream().map(v -> coerce(v, items)).toList();
        }
        String text = value.toString();
        String type = schema == null ? null : Schemas.text(schema.get("type"));
        try {
            return switch (type == null ? "" : type) {
                case "integer" -> Long.parseLong(text.strip());
                case "number" -> Schemas.number(text.strip());
                case "boolean" -> text.equals("1");
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text; // an integer beyond Long's range, which no PVE maximum allows
        }
    }
}
