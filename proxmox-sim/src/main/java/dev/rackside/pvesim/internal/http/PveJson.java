package dev.rackside.pvesim.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/// Writes answers the way pveproxy's Perl JSON encoder does: object keys in random order
/// (Perl hashes), so that no client can come to depend on key order.
final class PveJson {
    private static final JsonFactory FACTORY = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

    private PveJson() {
    }

    static byte[] success(Object data, long total, SplittableRandom random) {
        return write(g -> {
            List<Runnable> fields = new ArrayList<>();
            fields.add(() -> field(g, "data", data, random));
            if (total != 0) {
                fields.add(() -> field(g, "total", total, random));
            }
            shuffledObject(g, fields, random);
        });
    }

    static byte[] error(String message, Map<String, String> errors, SplittableRandom random) {
        return write(g -> {
            List<Runnable> fields = new ArrayList<>();
            fields.add(() -> field(g, "data", null, random));
            fields.add(() -> field(g, "message", message, random));
            if (!errors.isEmpty()) {
                fields.add(() -> field(g, "errors", errors, random));
            }
            shuffledObject(g, fields, random);
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void shuffledObject(JsonGenerator g, List<Runnable> fields, SplittableRandom random) {
        try {
            g.writeStartObject();
            shuffle(fields, random);
            fields.forEach(Runnable::run);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(JsonGenerator g, String name, Object value, SplittableRandom random) {
        try {
            g.writeFieldName(name);
            value(g, value, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v, SplittableRandom random) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case JsonNode n when n.isObject() -> {
                List<Runnable> fields = new ArrayList<>(n.size());
                n.properties().forEach(e -> fields.add(() -> field(g, e.getKey(), e.getValue(), random)));
                shuffledObject(g, fields, random);
            }
            case JsonNode n when n.isArray() -> {
                g.writeStartArray();
                for (JsonNode e : n) {
                    value(g, e, random);
                }
                g.writeEndArray();
            }
            case JsonNode n -> g.writeTree(n);
            case Map<?, ?> m -> {
                List<Runnable> fields = new ArrayList<>(m.size());
                m.forEach((k, val) -> fields.add(() -> field(g, String.valueOf(k), val, random)));
                shuffledObject(g, fields, random);
            }
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            default -> g.writeString(v.toString());
        }
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
