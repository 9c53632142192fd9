package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// A port of pve-common `PVE::JSONSchema::check_prop`, `check_object` and `check_type`.
///
/// Values are what Perl sees after the HTTP layer: `String`, `List<Object>` (a repeated key),
/// `Map<String, Object>` (a parsed property string) or `null` (undef). Error texts and the
/// order of the checks follow the Perl code, because clients show them verbatim.
final class SchemaChecker {

    static final String MISSING = "property is missing and it is not optional";
    static final String NOT_IN_SCHEMA = "property is not defined in schema "
            + "and the schema does not allow additional properties";

    private final Map<String, String> errors;

    SchemaChecker(Map<String, String> errors) {
        this.errors = errors;
    }

    SchemaChecker() {
        this(new TreeMap<>());
    }

    Map<String, String> errors() {
        return errors;
    }

    void addError(String path, String message) {
        String key = path == null || path.isEmpty() ? "_root" : path;
        // Perl joins with a single-quoted '\n', i.e. a literal backslash and "n"
        errors.merge(key, message, (old, msg) -> old + "\\n" + msg);
    }

    void checkProp(Object value, JsonNode schema, String path, String instanceType) {
        if (schema == null || !schema.isObject()) {
            addError(path, "Invalid schema definition.");
            return;
        }
        boolean optionalForType = false;
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf != null && !schema.has("type-property-schema")) {
            if (schema.has("type-property")) {
                optionalForType = true;
                for (JsonNode inner : oneOf) {
                    if (instanceType == null) {
                        break;
                    }
                    if (!inner.has("instance-types")) {
                        addError(path, "missing 'instance-types' in oneOf alternative");
                        return;
                    }
                    if (!contains(inner.get("instance-types"), instanceType)) {
                        continue;
                    }
                    optionalForType = Schemas.truthy(inner.get("optional"));
                    checkProp(value, inner, path, null);
                }
            } else {
                checkAnyOf(value, oneOf, path);
            }
        } else if (instanceType != null) {
            if (!schema.has("instance-types")) {
                addError(path, "missing 'instance-types'");
                return;
            }
            // a property that does not apply to this instance type may be absent
            optionalForType = !contains(schema.get("instance-types"), instanceType);
        }

        if (Schemas.truthy(schema.get("alias"))) {
            return; // aliases are remapped to their target, which is checked instead
        }
        if (value == null) {
            if ("null".equals(Schemas.text(schema.get("type")))) {
                return;
            }
            if (!Schemas.truthy(schema.get("optional")) && !Schemas.truthy(schema.get("group"))
                    && !optionalForType) {
                addError(path, MISSING);
            }
            return;
        }
        if (!checkType(path, schema.get("type"), value)) {
            return;
        }
        if (value instanceof List<?> list) {
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                for (int i = 0; i < list.size(); i++) {
                    checkProp(list.get(i), items, path + "[" + i + "]", null);
                }
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (Schemas.truthy(schema.get("properties"))
                    || Schemas.truthy(schema.get("additionalProperties"))) {
                @SuppressWarnings("unchecked")
                var object = (Map<String, Object>) map;
                checkObject(path, schema.get("properties"), object, schema.get("additionalProperties"));
            }
            // allOf and type-property-schema oneOf objects are not in the 8.4/9.1 schemas
            return;
        }
        checkScalar(value.toString(), schema, path);
    }

    private void checkAnyOf(Object value, JsonNode oneOf, String path) {
        var collected = new SchemaChecker();
        for (int i = 0; i < oneOf.size(); i++) {
            var inner = new SchemaChecker();
            inner.checkProp(value, oneOf.get(i), path + ".oneOf[" + i + "]", null);
            if (inner.errors.isEmpty()) {
                return;
            }
            inner.errors.forEach(collected::addError);
        }
        collected.errors.forEach(this::addError);
    }

    private void checkScalar(String value, JsonNode schema, String path) {
        if (schema.has("allOf") || (schema.has("oneOf") && schema.has("type-property-schema"))) {
            addError(path, "value must be an object");
            return;
        }
        JsonNode format = schema.get("format");
        if (Schemas.truthy(format)) {
            try {
                Formats.check(format, value, path);
            } catch (FormatException e) {
                addError(path, "invalid format - " + e.getMessage());
                return;
            }
        }
        JsonNode pattern = schema.get("pattern");
        if (Schemas.truthy(pattern) && !PerlRegex.matchesAnchored(pattern.asText(), value)) {
            addError(path, "value does not match the regex pattern");
            return;
        }
        int length = value.codePointCount(0, value.length());
        JsonNode maxLength = schema.get("maxLength");
        if (Schemas.defined(maxLength) && length > maxLength.asDouble()) {
            addError(path, "value may only be " + Schemas.perlString(maxLength) + " characters long");
            return;
        }
        JsonNode minLength = schema.get("minLength");
        if (Schemas.defined(minLength) && length < minLength.asDouble()) {
            addError(path, "value must be at least " + Schemas.perlString(minLength)
                    + " characters long");
            return;
        }
        if (Schemas.isNumber(value)) {
            double number = Schemas.number(value.strip());
            JsonNode max = schema.get("maximum");
            if (Schemas.defined(max) && number > max.asDouble()) {
                addError(path, "value must have a maximum value of " + Schemas.perlString(max));
                return;
            }
            JsonNode min = schema.get("minimum");
            if (Schemas.defined(min) && number < min.asDouble()) {
                addError(path, "value must have a minimum value of " + Schemas.perlString(min));
                return;
            }
        }
        JsonNode enumeration = schema.get("enum");
        if (Schemas.truthy(enumeration) && enumeration.isArray()) {
            List<String> allowed = new ArrayList<>();
            enumeration.forEach(e -> allowed.add(Schemas.perlString(e)));
            if (!allowed.contains(value)) {
                addError(path, "value '" + value + "' does not have a value in the enumeration '"
                        + String.join(", ", allowed) + "'");
            }
        }
    }

    boolean checkType(String path, JsonNode type, Object value) {
        if (!Schemas.truthy(type)) {
            return true;
        }
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode t : type) {
                names.add(t.asText());
                if (new SchemaChecker().checkType(path, t, value)) {
                    return true;
                }
            }
            addError(path, "type check ('" + String.join("|", names) + "') failed");
            return false;
        }
        if (type.isObject()) {
            var inner = new SchemaChecker();
            inner.checkProp(value, type, path, null);
            if (inner.errors.isEmpty()) {
                return true;
            }
            addError(path, "type check failed");
            return false;
        }
        String name = type.asText();
        String ref = value instanceof List ? "ARRAY" : value instanceof Map ? "HASH" : "";
        switch (name) {
            case "any" -> {
                return true;
            }
            case "null" -> {
                addError(path, "type check ('null') failed - value is not null");
                return false;
            }
            case "array", "object", "coderef" -> {
                boolean ok = name.equals("array") ? ref.equals("ARRAY") : name.equals("object") && ref.equals("HASH");
                if (!ok) {
                    addError(path, "type check ('" + name + "') failed");
                }
                return ok;
            }
            default -> { }
        }
        if (!ref.isEmpty()) {
            addError(path, "type check ('" + name + "') failed - got " + ref);
            return false;
        }
        String text = value.toString();
        boolean ok = switch (name) {
            case "boolean" -> text.equals("1") || text.equals("0");
            case "integer" -> Schemas.isInteger(text);
            case "number" -> Schemas.isNumber(text);
            default -> true; // 'string' and types PVE does not verify
        };
        if (!ok) {
            addError(path, "type check ('" + name + "') failed - got '" + text + "'");
        }
        return ok;
    }

    /// `check_object`; `value` is modified in place when aliased keys are remapped.
    void checkObject(String path, JsonNode properties, Map<String, Object> value,
                     JsonNode additionalProperties) {
        ObjectProps.check(this, path, properties, value, additionalProperties);
    }

    static boolean contains(JsonNode array, String text) {
        if (array == null || text == null) {
            return false;
        }
        for (JsonNode e : array) {
            if (text.equals(e.asText())) {
                return true;
            }
        }
        return false;
    }

    static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }
}
