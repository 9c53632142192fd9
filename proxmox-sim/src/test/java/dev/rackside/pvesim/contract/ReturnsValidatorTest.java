package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/// Real PVE responses (see each fixture's `.source.txt`) against the contract's `returns`.
class ReturnsValidatorTest {

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ReturnsValidatorTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return new ObjectMapper().readTree(in).get("data");
        }
    }

    private static Endpoint endpoint(String version, String method, String path) {
        return ApiContract.load(version).endpoint(method, path).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "gop_nodes, GET, /nodes",
        "gop_cluster_resources, GET, /cluster/resources",
        "gop_cluster_status, GET, /cluster/status",
        "gop_pve80_qemu_status_current, GET, /nodes/{node}/qemu/{vmid}/status/current",
    })
    void realResponsesConformToBothVersions(String fixture, String method, String path) throws IOException {
        JsonNode data = fixture(fixture);
        assertEquals(List.of(), ReturnsValidator.validate(endpoint("9.1.3", method, path), data));
        assertEquals(List.of(), ReturnsValidator.validate(endpoint("8.4.2", method, path), data));
    }

    @Test
    void pve74NodeStatusLacksFieldsThatPve8AddedAndDeclaredMandatory() throws IOException {
        // a genuine finding, not a validator bug: the PVE 7.4 capture predates these keys
        List<String> expected = List.of(
                "data.boot-info: missing, but not optional",
                "data.current-kernel: missing, but not optional",
                "data.memory.available: missing, but not optional");
        JsonNode status = fixture("gop_pve74_node_status");
        assertEquals(expected, ReturnsValidator.validate(endpoint("9.1.3", "GET", "/nodes/{node}/status"), status));
    }

    @Test
    void mutatedFixtureIsReported() throws IOException {
        JsonNode nodes = fixture("gop_nodes");
        ObjectNode first = (ObjectNode) nodes.get(0);
        first.put("maxcpu", "twelve");
        first.put("status", "sleeping");
        first.remove("node");
        ((ObjectNode) nodes.get(1)).put("cpu", true);
        assertEquals(List.of(
                        "data[0].node: missing, but not optional",
                        "data[0].maxcpu: expected integer, got string 'twelve'",
                        "data[0].status: 'sleeping' is not one of [\"unknown\",\"online\",\"offline\"]",
                        "data[1].cpu: expected number, got boolean true"),
                ReturnsValidator.validate(endpoint("9.1.3", "GET", "/nodes"), nodes));
    }

    @Test
    void pveScalarQuirksAreTolerated() throws IOException {
        ObjectNode node = (ObjectNode) fixture("gop_nodes").get(0);
        node.put("maxcpu", "12");     // numeric string for an integer
        node.put("cpu", "0.25");      // numeric string for a number
        var mapper = new ObjectMapper();
        JsonNode schema = mapper.readTree("""
                {"type":"object","additionalProperties":0,"properties":{
                  "on":{"type":"boolean"},"off":{"type":"boolean"},"flag":{"type":"boolean"},
                  "any":{"optional":1},"either":{"type":["integer","null"]}}}""");
        assertEquals(List.of(), ReturnsValidator.validate(schema,
                mapper.readTree("{\"on\":1,\"off\":\"0\",\"flag\":true,\"any\":[1],\"either\":null}")));
        assertEquals(List.of("data.extra: not in the schema, which allows no additional properties",
                        "data.on: expected boolean, got number 2"),
                ReturnsValidator.validate(schema,
                        mapper.readTree("{\"on\":2,\"off\":0,\"flag\":false,\"extra\":1,\"either\":3}")));
        assertTrue(ReturnsValidator.validate(endpoint("9.1.3", "GET", "/nodes"),
                mapper.createArrayNode().add(node)).isEmpty());
    }
}
