package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.model.RrdSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Decodes rrddata rows: every numeric column except `time`, numbers-as-strings included.
public final class RrdDecoder {
    private RrdDecoder() {
    }

    public static RrdSeries series(JsonNode d) {
        List<RrdSeries.Sample> samples = new ArrayList<>(d.size());
        for (JsonNode row : d) {
            Map<String, Double> values = new HashMap<>();
            row.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if (!"time".equals(e.getKey()) && (v.isNumber() || v.isTextual() && isNumber(v.asText()))) {
                    values.put(e.getKey(), v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().trim()));
                }
            });
            samples.add(new RrdSeries.Sample(Instant.ofEpochSecond(Lenient.longValue(row, "time")), values));
        }
        samples.sort(java.util.Comparator.comparing(RrdSeries.Sample::time));
        return new RrdSeries(samples);
    }

    private static boolean isNumber(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return !Double.isNaN(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
