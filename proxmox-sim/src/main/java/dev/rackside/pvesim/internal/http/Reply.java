package dev.rackside.pvesim.internal.http;

/// A successful answer: `{"data": data}` plus `total` when it is non-zero (PVE omits a zero total).
///
/// @param data a Jackson `JsonNode`, or null for `{"data":null}`
public record Reply(Object data, long total) {
    public static Reply of(Object data) {
        return new Reply(data, 0);
    }

    public static Reply paged(Object data, long total) {
        return new Reply(data, total);
    }
}
