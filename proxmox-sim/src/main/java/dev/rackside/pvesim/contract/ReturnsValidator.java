package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/// Checks a response's `data` against an endpoint's `returns` schema.
///
/// Real PVE serialises Perl scalars loosely, so a few mismatches are tolerated: a boolean
/// may arrive as `0`/`1` or `"0"`/`"1"`, an integer or number as a numeric string. Anything
/// else that contradicts the schema is reported as one human-readable line, e.g.
/// `data[0].status: 'maybe' is not one of [unknown, online, offline]`.
public final class ReturnsValidator {

    private ReturnsValidator() {}

    /// Problems of `data` against `endpoint.returns()`; empty when it conforms.
    public static List<String> validate(Endpoint endpoint, JsonNode data) {
        return validate(endpoint.returns(), data);
    }

    /// Problems of `data` against a `returns`-style schema; empty when it conforms.
    public static List<String> validate(JsonNode schema, JsonNode data) {
        List<String> problems = new ArrayList<>();
        check(schema, data, "data", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema == null || !schema.isObject() || schema.isEmpty()) {
            return; // no schema: anything goes
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (!allows(schema.get("type"), "null") && !Schemas.truthy(schema.get("optional"))) {
                problems.add(path + ": is null but the schema requires a value");
            }
            return;
        }
        JsonNode type = schema.get("type");
        if (Schemas.truthy(type) && !typeMatches(type, value)) {
            problems.add(path + ": expected " + (type.isArray() ? joinTypes(type) : type.asText())
                    + ", got " + describe(value));
            return;
        }
        JsonNode enumeration = schema.get("enum");
        if (Schemas.truthy(enumeration) && enumeration.isArray() && value.isValueNode()) {
            String text = scalarText(value);
            boolean found = false;
            for (JsonNode allowed : enumeration) {
                found |= Schemas.perlString(allowed).equals(text);
            }
            if (!found) {
                problems.add(path + ": '" + text + "' is not one of " + enumeration.toString());
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        } else if (value.isObject()) {
            checkObject(schema, value, path, problems);
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties != null && properties.isObject()) {
            Iterator<String> names = properties.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode sub = properties.get(name);
                if (name.endsWith("[n]") || Schemas.truthy(sub.get("optional"))) {
                    continue;
                }
                JsonNode field = value.get(name);
                if (field == null || field.isNull()) {
                    if (!allows(sub.get("type"), "null")) {
                        problems.add(path + "." + name + ": missing, but not optional");
                    }
                }
            }
        }
        for (String name : new TreeSet<>(iterable(value.fieldNames()))) {
            JsonNode sub = Schemas.property(properties, name);
            String fieldPath = path + "." + name;
            if (sub != null) {
                check(sub, value.get(name), fieldPath, problems);
            } else if (Schemas.defined(additional) && !additional.isObject() && !Schemas.truthy(additional)) {
                problems.add(fieldPath + ": not in the schema, which allows no additional properties");
            } else if (additional != null && additional.isObject()) {
                check(additional, value.get(name), fieldPath, problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean()
                    || (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1))
                    || (value.isTextual() && (value.asText().equals("0") || value.asText().equals("1")));
            case "integer" -> (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))
                    || (value.isTextual() && Schemas.isInteger(value.asText()));
            case "number" -> value.isNumber() || (value.isTextual() && Schemas.isNumber(value.asText()));
            // Perl has no string/number distinction; a JSON number is an acceptable string
            case "string" -> value.isTextual() || value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true; // "any" and types PVE does not verify
        };
    }

    private static boolean allows(JsonNode type, String name) {
        if (type == null || type.isNull()) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (name.equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return name.equals(type.asText());
    }

    private static String joinTypes(JsonNode types) {
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.asText()));
        return String.join("|", names);
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "string '" + value.asText() + "'";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return value.getNodeType().name().toLowerCase() + " " + value;
    }

    private static String scalarText(JsonNode value) {
        return value.isBoolean() ? (value.booleanValue() ? "1" : "0") : Schemas.perlString(value);
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
