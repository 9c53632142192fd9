package dev.rackside.s3;

import java.util.Optional;

/// The standard HTTP headers an object is served with, besides its content type. A copy that
/// replaces an object's metadata (a metadata edit, a restore onto its own key, any multipart copy)
/// must send them again: S3 keeps none of them under `REPLACE`.
///
/// @param expires the `Expires` header as the server sent it
public record ContentHeaders(Optional<String> cacheControl, Optional<String> contentDisposition,
                             Optional<String> contentEncoding, Optional<String> contentLanguage,
                             Optional<String> expires) {

    public static ContentHeaders none() {
        return new ContentHeaders(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /// From header values that may be null or blank (absent).
    public static ContentHeaders of(String cacheControl, String contentDisposition, String contentEncoding,
                                    String contentLanguage, String expires) {
        return new ContentHeaders(present(cacheControl), present(contentDisposition), present(encoding(contentEncoding)),
                present(contentLanguage), present(expires));
    }

    /// Each present header as its HTTP name and value, as the server gave it (S3 keeps any
    /// `Expires` text, not only HTTP dates, so it is never parsed).
    public void forEach(java.util.function.BiConsumer<String, String> header) {
        cacheControl.ifPresent(v -> header.accept("Cache-Control", v));
        contentDisposition.ifPresent(v -> header.accept("Content-Disposition", v));
        contentEncoding.ifPresent(v -> header.accept("Content-Encoding", v));
        contentLanguage.ifPresent(v -> header.accept("Content-Language", v));
        expires.ifPresent(v -> header.accept("Expires", v));
    }

    /// Without `aws-chunked`, the transfer encoding of a signed upload, which a server should not
    /// keep but some do; sent again it would make the copy's own body read as chunks.
    private static String encoding(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        return java.util.Arrays.stream(contentEncoding.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty() && !t.equalsIgnoreCase("aws-chunked"))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Optional<String> present(String v) {
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
