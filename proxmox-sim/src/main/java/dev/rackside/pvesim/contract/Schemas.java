package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/// Small helpers that read contract schemas the way Perl reads the original hashes.
final class Schemas {

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(0|[1-9][0-9]*)");
    private static final Pattern INTEGER = PerlRegex.compile("^[+-]?\\d+$");
    private static final Pattern NUMBER =
            PerlRegex.compile("^[+-]?(\\d+\\.\\d+|\\d+\\.|\\.\\d+|\\d+)([eE][+-]?\\d+)?$");

    private Schemas() {}

    /// Perl truthiness of a schema value: absent, null, 0, "0", "" and false are false.
    static boolean truthy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty() && !node.textValue().equals("0");
        }
        return true;
    }

    static boolean defined(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    static String text(JsonNode node) {
        return defined(node) && node.isValueNode() ? perlString(node) : null;
    }

    /// The schema of property `key`. The API dump folds PVE's numbered properties (`net0`
    /// .. `net31`) into one `net[n]` entry, so `net7` falls back to it. The dump does not
    /// keep the highest index, so any index is accepted.
    static JsonNode property(JsonNode properties, String key) {
        if (properties == null || !properties.isObject()) {
            return null;
        }
        JsonNode direct = properties.get(key);
        if (direct != null) {
            return direct;
        }
        var m = INDEXED.matcher(key);
        return m.matches() ? properties.get(m.group(1) + "[n]") : null;
    }

    /// Whether `key` is one of the numbered properties an `xxx[n]` schema entry stands for.
    static boolean isIndexOf(String template, String key) {
        if (!template.endsWith("[n]")) {
            return false;
        }
        var m = INDEXED.matcher(key);
        return m.matches() && template.equals(m.group(1) + "[n]");
    }

    static boolean isInteger(String value) {
        return INTEGER.matcher(value).find();
    }

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).find();
    }

    /// How Perl prints a schema constant inside a message (`100`, `0.5`, `text`).
    static String perlString(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "1" : "";
        }
        return node.asText();
    }

    static double number(String perlNumber) {
        return Double.parseDouble(perlNumber.endsWith(".") ? perlNumber + "0" : perlNumber);
    }
}
