package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The bundled contracts must stay free of the schema's documentation text (AGPL prose).
class ContractResourceTest {

    private static final Set<String> PROSE =
            Set.of("description", "verbose_description", "title", "format_description", "typetext");

    @ParameterizedTest
    @ValueSource(strings = {"9.1.3", "8.4.2"})
    void containsNoProse(String version) throws IOException {
        JsonNode root;
        try (InputStream in = ApiContract.class.getResourceAsStream("pve-" + version + ".json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> found = new ArrayList<>();
        walk(root, "$", found);
        assertEquals(List.of(), found);
        // a property may be *named* "description" (a guest's notes): its value is a schema
        assertTrue(root.at("/PUT ~1nodes~1{node}~1qemu~1{vmid}~1config/parameters/properties/description").isObject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.1.3", "8.4.2"})
    void everySchemaPatternTranslatesToJava(String version) throws IOException {
        JsonNode root;
        try (InputStream in = ApiContract.class.getResourceAsStream("pve-" + version + ".json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> patterns = root.findValuesAsText("pattern");
        assertTrue(patterns.size() > 200, "found " + patterns.size());
        for (String p : patterns) {
            assertDoesNotThrow(() -> PerlRegex.matchesAnchored(p, "x"), p);
        }
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        node.fields().forEachRemaining(field -> {
            if (PROSE.contains(field.getKey()) && field.getValue().isTextual()) {
                found.add(path + "." + field.getKey());
            }
            if (field.getValue().isContainerNode()) {
                walk(field.getValue(), path + "." + field.getKey(), found);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
