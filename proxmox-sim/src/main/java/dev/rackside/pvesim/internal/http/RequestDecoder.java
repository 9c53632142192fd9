package dev.rackside.pvesim.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Turns a raw HTTP request into method, API path and parameters as pve-http-server's
/// `extract_params` does: form or JSON body, then query parameters overriding body keys; a repeated
/// key becomes a list.
final class RequestDecoder {
    private static final String PREFIX = "/api2/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Decoded(String method, String path, Map<String, List<String>> params, Dispatcher.Outcome error) {
    }

    Decoded decode(FullHttpRequest req) {
        String method = req.method().name();
        QueryStringDecoder uri = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8);
        String full = uri.path();
        if (!full.startsWith(PREFIX + "/") && !full.equals(PREFIX)) {
            return plainError(501, "no such uri");
        }
        if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
            return plainError(501, "method '" + method + "' not available");
        }
        String path = full.substring(PREFIX.length());
        if (path.isEmpty()) {
            path = "/";
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (req.content().isReadable()) {
            if ("GET".equals(method)) {
                return plainError(501, "Unexpected content for method 'GET'");
            }
            String body = req.content().toString(StandardCharsets.UTF_8);
            String type = String.valueOf(req.headers().get(HttpHeaderNames.CONTENT_TYPE));
            if (type.startsWith("application/json")) {
                try {
                    JsonNode n = JSON.readTree(body);
                    n.properties().forEach(e -> params.put(e.getKey(), jsonValues(e.getValue())));
                } catch (Exception e) {
                    return plainError(400, "unable to parse JSON body");
                }
            } else {
                new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                        .forEach((k, v) -> params.put(k, List.copyOf(v)));
            }
        }
        uri.parameters().forEach((k, v) -> params.put(k, List.copyOf(v))); // query overrides body
        params.remove("_dc"); // ExtJS cache buster, dropped by PVE
        return new Decoded(method, path, params, null);
    }

    private static List<String> jsonValues(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> out.add(scalar(e)));
        } else {
            out.add(scalar(v));
        }
        return out;
    }

    private static String scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "1" : "0";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static Decoded plainError(int status, String message) {
        return new Decoded(null, null, Map.of(), new Dispatcher.Outcome(status, message,
                message.getBytes(StandardCharsets.UTF_8), false));
    }
}
