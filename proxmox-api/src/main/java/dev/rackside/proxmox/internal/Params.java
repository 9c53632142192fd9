package dev.rackside.proxmox.internal;

import java.util.ArrayList;
import java.util.List;

/// Ordered request parameters. Booleans go out as 0/1, which every PVE version accepts.
public final class Params {
    private final List<String[]> pairs = new ArrayList<>();

    public static Params of() {
        return new Params();
    }

    public Params add(String key, String value) {
        pairs.add(new String[] {key, value});
        return this;
    }

    public Params add(String key, long value) {
        return add(key, Long.toString(value));
    }

    public Params add(String key, boolean value) {
        return add(key, value ? "1" : "0");
    }

    public Params addIfPresent(String key, String value) {
        return value == null ? this : add(key, value);
    }

    public List<String[]> pairs() {
        return List.copyOf(pairs);
    }

    /// Parameter names only: safe to log.
    public List<String> names() {
        return pairs.stream().map(p -> p[0]).toList();
    }
}
