package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// `PVE::JSONSchema::check_object`: the properties of one object (request parameters or a
/// parsed property string) against a name -> schema map.
final class ObjectProps {

    private ObjectProps() {}

    static void check(SchemaChecker checker, String path, JsonNode properties,
                      Map<String, Object> value, JsonNode additionalProperties) {
        if (properties != null && !properties.isObject()) {
            checker.addError(path, "Invalid schema definition.");
            return;
        }
        remapAliases(checker, path, properties, value);

        // Perl walks hash keys in random order; sorting keeps joined messages deterministic
        for (String key : sortedKeys(properties)) {
            JsonNode schema = properties.get(key);
            if (key.endsWith("[n]")) {
                for (String actual : new ArrayList<>(value.keySet())) {
                    if (Schemas.isIndexOf(key, actual)) {
                        checker.checkProp(value.get(actual), schema, SchemaChecker.join(path, actual),
                                instanceType(schema, value));
                    }
                }
                continue;
            }
            checker.checkProp(value.get(key), schema, SchemaChecker.join(path, key),
                    instanceType(schema, value));
        }

        for (String key : new TreeSet<>(value.keySet())) {
            String newPath = SchemaChecker.join(path, key);
            JsonNode schema = Schemas.property(properties, key);
            if (schema != null) {
                JsonNode requires = schema.get("requires");
                if (requires != null && requires.isObject()) {
                    checker.checkProp(value, requires, path, null);
                } else if (Schemas.truthy(requires) && value.get(requires.asText()) == null) {
                    checker.addError(SchemaChecker.join(path, requires.asText()),
                            "missing property required by '" + newPath + "'");
                }
                if (matchesInstanceType(schema, value)) {
                    continue; // already checked above
                }
            }
            if (Schemas.defined(additionalProperties) && !Schemas.truthy(additionalProperties)) {
                checker.addError(newPath, SchemaChecker.NOT_IN_SCHEMA);
                continue;
            }
            if (additionalProperties != null && additionalProperties.isObject()) {
                checker.checkProp(value.get(key), additionalProperties, newPath, null);
            }
        }
    }

    private static void remapAliases(SchemaChecker checker, String path, JsonNode properties,
                                     Map<String, Object> value) {
        for (String key : new ArrayList<>(value.keySet())) {
            JsonNode schema = Schemas.property(properties, key);
            if (schema == null || !Schemas.defined(schema.get("alias"))) {
                continue;
            }
            String target = schema.get("alias").asText();
            if (value.get(target) != null) {
                checker.addError(SchemaChecker.join(path, key),
                        "cannot set both '" + key + "' and its alias target '" + target + "'");
            } else {
                value.put(target, value.remove(key));
            }
        }
    }

    /// The value of the property named by this schema's `type-property`, if any.
    private static String instanceType(JsonNode schema, Map<String, Object> value) {
        JsonNode typeProperty = schema == null ? null : schema.get("type-property");
        if (!Schemas.truthy(typeProperty)) {
            return null;
        }
        Object type = value.get(typeProperty.asText());
        return type instanceof String s ? s : null;
    }

    /// For a legacy `oneOf` property: does an alternative apply to the instance's type?
    /// A property that matches none counts as not defined in the schema.
    private static boolean matchesInstanceType(JsonNode schema, Map<String, Object> value) {
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf == null) {
            return true;
        }
        String type = instanceType(schema, value);
        for (JsonNode alternative : oneOf) {
            JsonNode types = alternative.get("instance-types");
            if (types == null || SchemaChecker.contains(types, type)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sortedKeys(JsonNode properties) {
        List<String> keys = new ArrayList<>();
        if (properties != null) {
            Iterator<String> names = properties.fieldNames();
            names.forEachRemaining(keys::add);
        }
        keys.sort(null);
        return keys;
    }
}
