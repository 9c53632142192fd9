package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/// The PVE API of one release as a machine-checked contract: every method, its parameter
/// and return schemas and its permission declaration, derived without documentation text
/// from the official API schema by `proxmox-sim/tools/derive-contract.py`.
///
/// Instances are immutable and cached per version; [#load] parses a contract only once.
public final class ApiContract {

    private static final Map<String, ApiContract> CACHE = new ConcurrentHashMap<>();

    private final String version;
    private final Map<String, Endpoint> endpoints;
    private final List<Candidate> candidates;

    private record Candidate(PathTemplate path, Endpoint endpoint) {}

    private ApiContract(String version, Map<String, Endpoint> endpoints) {
        this.version = version;
        this.endpoints = Collections.unmodifiableMap(endpoints);
        List<Candidate> list = new ArrayList<>();
        endpoints.values().forEach(e -> list.add(new Candidate(PathTemplate.of(e.pathTemplate()), e)));
        this.candidates = List.copyOf(list);
    }

    /// The contract of PVE `version` ("9.1.3", "8.4.2").
    ///
    /// @throws IllegalArgumentException if no contract for that version is bundled
    public static ApiContract load(String version) {
        return CACHE.computeIfAbsent(version, ApiContract::read);
    }

    public String version() {
        return version;
    }

    public Collection<Endpoint> endpoints() {
        return endpoints.values();
    }

    /// The endpoint declared for `method` and the exact template, e.g. `GET /nodes/{node}`.
    public Optional<Endpoint> endpoint(String method, String pathTemplate) {
        return Optional.ofNullable(endpoints.get(method.toUpperCase() + " " + pathTemplate));
    }

    /// Resolves a concrete path (without `/api2/json`, already percent-decoded) for a method.
    public Optional<EndpointMatch> match(String method, String concretePath) {
        List<String> parts = PathTemplate.split(concretePath);
        String upper = method.toUpperCase();
        for (Candidate c : candidates) {
            if (c.endpoint().method().equals(upper)) {
                var values = c.path().match(parts);
                if (values.isPresent()) {
                    return Optional.of(new EndpointMatch(c.endpoint(), values.get()));
                }
            }
        }
        return Optional.empty();
    }

    /// Whether any method is declared for the concrete path (PVE answers 501 otherwise).
    public boolean hasPath(String concretePath) {
        List<String> parts = PathTemplate.split(concretePath);
        return candidates.stream().anyMatch(c -> c.path().match(parts).isPresent());
    }

    private static ApiContract read(String version) {
        String resource = "pve-" + version + ".json";
        if (!version.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalArgumentException("not a PVE version: " + version);
        }
        try (InputStream in = ApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no API contract bundled for PVE " + version);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Endpoint> endpoints = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                endpoints.put(field.getKey(), endpoint(field.getKey(), field.getValue()));
            }
            return new ApiContract(version, endpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API contract " + resource, e);
        }
    }

    private static Endpoint endpoint(String key, JsonNode info) {
        int space = key.indexOf(' ');
        JsonNode proxyTo = info.get("proxyto");
        return new Endpoint(
                key.substring(0, space),
                key.substring(space + 1),
                info.path("parameters"),
                info.path("returns"),
                info.has("permissions") ? info.get("permissions") : MissingNode.getInstance(),
                Schemas.truthy(info.get("allowtoken")),
                Schemas.truthy(info.get("protected")),
                Schemas.truthy(proxyTo) ? Optional.of(proxyTo.asText()) : Optional.empty());
    }
}
