package dev.rackside.pvesim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/// One PVE API method as the contract describes it.
///
/// @param method       HTTP method, e.g. `POST`
/// @param pathTemplate path with `{name}` placeholders, e.g. `/nodes/{node}/qemu/{vmid}/status/start`
/// @param parameters   the parameter schema (`properties`, `additionalProperties`), never null
/// @param returns      the schema of the response's `data`, never null (empty = anything)
/// @param permissions  the permission declaration (`check`, `user`), missing node if absent
/// @param allowToken   whether API tokens may call it
/// @param isProtected  whether pveproxy hands it to the privileged pvedaemon
/// @param proxyTo      the parameter naming the node the request is proxied to, if any
public record Endpoint(
        String method,
        String pathTemplate,
        JsonNode parameters,
        JsonNode returns,
        JsonNode permissions,
        boolean allowToken,
        boolean isProtected,
        Optional<String> proxyTo) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(proxyTo, "proxyTo");
    }

    /// The schema of one parameter, resolving numbered ones (`net3` -> `net[n]`).
    public Optional<JsonNode> parameter(String name) {
        return Optional.ofNullable(Schemas.property(parameters.get("properties"), name));
    }

    /// `"METHOD /path/{template}"`, the contract's key for this endpoint.
    public String key() {
        return method + " " + pathTemplate;
    }
}
