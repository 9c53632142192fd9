package dev.rackside.pvesim;

import java.util.List;
import java.util.Map;

/// A request the simulator received, for contract tests: what a client actually sent.
///
/// @param path   below `/api2/json`
/// @param params query and body parameters as they arrived (path parameters not included)
/// @param status the HTTP status the simulator answered
public record RecordedRequest(String method, String path, Map<String, List<String>> params, int status) {
    public RecordedRequest {
        params = Map.copyOf(params);
    }
}
