package dev.rackside.pvesim.contract;

import java.util.Map;
import java.util.Objects;

/// A concrete request path resolved to its [Endpoint], with the values of the path's
/// placeholders (`{node}` -> `pve1`).
public record EndpointMatch(Endpoint endpoint, Map<String, String> pathParameters) {

    public EndpointMatch {
        Objects.requireNonNull(endpoint, "endpoint");
        pathParameters = Map.copyOf(pathParameters);
    }
}
