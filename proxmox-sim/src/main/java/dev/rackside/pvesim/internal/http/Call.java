package dev.rackside.pvesim.internal.http;

import dev.rackside.pvesim.internal.auth.Caller;

import java.util.List;
import java.util.Map;

/// One validated API call handed to a handler.
///
/// @param method  GET, POST, PUT or DELETE
/// @param path    the concrete path below `/api2/json` (`/nodes/pve1/qemu/100/status/start`)
/// @param values  every parameter (path, query, body) already validated against the schema and
///                converted: Long for integer, Double for number, Boolean for boolean, String,
///                List for arrays
/// @param caller  the authenticated user or token
public record Call(String method, String path, Map<String, Object> values, Caller caller) {

    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public String string(String name, String fallback) {
        String v = string(name);
        return v == null ? fallback : v;
    }

    public long integer(String name, long fallback) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : v == null ? fallback : Long.parseLong(v.toString());
    }

    public boolean flag(String name) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : v != null && ("1".equals(v.toString()) || "true".equals(v.toString()));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = values.get(name);
        return v instanceof List<?> l ? (List<Object>) l : v == null ? List.of() : List.of(v);
    }
}
