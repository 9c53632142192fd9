package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/// The `{"data": …, "total": N}` envelope, unwrapped.
public record ApiResponse(JsonNode data, OptionalInt total) {
}
