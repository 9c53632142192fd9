package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// What S3 accepts as an object's content type, user metadata and tags, checked before anything is
/// sent so the operator reads which entry is wrong instead of a server refusal.
final class PropertyRules {
    /// S3 counts the UTF-8 bytes of every user metadata name and value together.
    static final int METADATA_BYTES = 2048;
    static final int MAX_TAGS = 10;
    static final int TAG_KEY_CHARS = 128;
    static final int TAG_VALUE_CHARS = 256;
    // metadata names travel as HTTP header names (x-amz-meta-<name>): an RFC 9110 token
    private static final String TOKEN_EXTRAS = "!#$%&'*+-.^_`|~";

    private PropertyRules() {
    }

    /// The first problem with the metadata (names as typed, values, the kept `rackside-*` entries
    /// included), or empty when S3 would take it.
    static Optional<String> metadataProblem(Messages text, String contentType, List<Map.Entry<String, String>> metadata) {
        if (!printableAscii(contentType, false)) {
            return Optional.of(text.get("props.problem.contentType"));
        }
        Set<String> seen = new HashSet<>();
        int bytes = 0;
        for (var e : metadata) {
            String name = e.getKey();
            if (name.isEmpty()) {
                return Optional.of(text.get("props.problem.noName"));
            }
            if (!name.chars().allMatch(PropertyRules::tokenChar)) {
                return Optional.of(text.get("props.problem.name", name));
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(text.get("props.problem.twice", name));
            }
            if (!printableAscii(e.getValue(), true)) {
                return Optional.of(text.get("props.problem.value", name));
            }
            bytes += name.getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > METADATA_BYTES) {
            return Optional.of(text.get("props.problem.size", bytes, METADATA_BYTES));
        }
        return Optional.empty();
    }

    /// The first problem with the tags, or empty.
    static Optional<String> tagsProblem(Messages text, List<Map.Entry<String, String>> tags) {
        Set<String> seen = new HashSet<>();
        if (tags.size() > MAX_TAGS) {
            return Optional.of(text.get("props.problem.tags", tags.size(), MAX_TAGS));
        }
        for (var e : tags) {
            String key = e.getKey();
            if (key.isEmpty()) {
                return Optional.of(text.get("props.problem.tagNoKey"));
            }
            if (key.length() > TAG_KEY_CHARS) {
                return Optional.of(text.get("props.problem.tagKey", key.substring(0, 20) + "…", TAG_KEY_CHARS));
            }
            if (!seen.add(key)) {
                return Optional.of(text.get("props.problem.tagTwice", key));
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                return Optional.of(text.get("props.problem.tagAws", key));
            }
            if (e.getValue().length() > TAG_VALUE_CHARS) {
                return Optional.of(text.get("props.problem.tagValue", key, TAG_VALUE_CHARS));
            }
        }
        return Optional.empty();
    }

    private static boolean tokenChar(int c) {
        return c < 0x7f && (Character.isLetterOrDigit(c) || TOKEN_EXTRAS.indexOf(c) >= 0);
    }

    private static boolean printableAscii(String s, boolean blankAllowed) {
        return (blankAllowed || !s.isBlank()) && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
