package dev.rackside.s3;

import java.net.URL;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/// A presigned PUT link and the headers whoever uses it must send with the same values. S3
/// needs SSE-S3/KMS as signed headers on a presigned PUT (a query parameter is ignored or
/// refused), so a link of an encrypting endpoint only works with them.
///
/// @param url     the link
/// @param headers header name → value, lower-case names, sorted; empty for a plain link
public record PresignedUpload(URL url, Map<String, String> headers) {

    public PresignedUpload {
        Objects.requireNonNull(url, "url");
        headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    /// `curl` options that send the headers, each with a leading space; empty for a plain link.
    public String curlHeaders() {
        return headers.entrySet().stream()
                .map(h -> " -H \"" + h.getKey() + ": " + h.getValue() + "\"")
                .collect(Collectors.joining());
    }

    /// A `curl` command that uploads `file` through the link, headers included.
    public String curlCommand(String file) {
        return "curl -T " + file + curlHeaders() + " \"" + url + "\"";
    }
}
