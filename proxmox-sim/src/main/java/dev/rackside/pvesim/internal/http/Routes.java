package dev.rackside.pvesim.internal.http;

import java.util.HashMap;
import java.util.Map;

/// Which schema endpoints the simulator implements, keyed by `METHOD /path/{template}` exactly as
/// in the contract (e.g. `GET /nodes/{node}/qemu/{vmid}/status/current`).
public final class Routes {
    private final Map<String, Handler> handlers = new HashMap<>();

    public Routes add(String method, String template, Handler handler) {
        String key = method + " " + template;
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("duplicate route " + key);
        }
        return this;
    }

    public Handler find(String method, String template) {
        return handlers.get(method + " " + template);
    }

    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(handlers.keySet());
    }
}
