package dev.rackside.proxmox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The quirks real PVE sends: 0/1 booleans, numbers as strings, omitted keys.
class LenientTest {
    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void booleansFromIntegersStringsAndJsonBooleans() throws Exception {
        JsonNode n = json("{\"a\":1,\"b\":0,\"c\":\"1\",\"d\":\"0\",\"e\":true,\"f\":\"yes\"}");
        assertTrue(Lenient.bool(n, "a"));
        assertFalse(Lenient.bool(n, "b"));
        assertTrue(Lenient.bool(n, "c"));
        assertFalse(Lenient.bool(n, "d"));
        assertTrue(Lenient.bool(n, "e"));
        assertTrue(Lenient.bool(n, "f"));
        assertFalse(Lenient.bool(n, "missing"));
    }

    @Test
    void numbersFromStrings() throws Exception {
        JsonNode n = json("{\"mhz\":\"2899.910\",\"memory\":\"1024\",\"bad\":\"n/a\"}");
        assertEquals(2899.91, Lenient.doubleValue(n, "mhz"), 1e-9);
        assertEquals(1024, Lenient.longValue(n, "memory"));
        assertEquals(0, Lenient.longValue(n, "bad"));
        assertTrue(Lenient.optionalLong(n, "bad").isEmpty());
        assertEquals(2899, Lenient.longValue(n, "mhz"));
    }

    @Test
    void omittedKeysGiveDefaults() throws Exception {
        JsonNode n = json("{}");
        assertEquals("", Lenient.text(n, "name"));
        assertEquals(0, Lenient.intValue(n, "maxcpu"));
        assertEquals(List.of(), Lenient.tags(n, "tags"));
    }

    @Test
    void tagListsSplitOnEverySeparatorPveAccepts() throws Exception {
        assertEquals(List.of("a", "b", "c", "d"), Lenient.tags(json("{\"tags\":\"a;b,c d\"}"), "tags"));
    }
}
