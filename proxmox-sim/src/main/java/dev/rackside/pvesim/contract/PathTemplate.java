package dev.rackside.pvesim.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/// A PVE path template like `/nodes/{node}/qemu/{vmid}`, matched the way
/// `RESTHandler::map_path_to_methods` does it: one component per placeholder, which must be
/// non-blank (`\S+`); empty components (`//`) are ignored.
record PathTemplate(String template, List<String> segments, boolean greedyTail) {

    private static final Pattern NON_BLANK = Pattern.compile("\\S+");
    // pve-manager mounts storage content with `fragmentDelimiter => ''` so that volume IDs
    // may contain '/'. The API dump does not carry that flag, so the one mount is named here.
    private static final String GREEDY_PREFIX = "/nodes/{node}/storage/{storage}/content/";

    static PathTemplate of(String template) {
        List<String> segments = split(template);
        boolean greedy = template.startsWith(GREEDY_PREFIX) && segments.size() == 6;
        return new PathTemplate(template, List.copyOf(segments), greedy);
    }

    static List<String> split(String path) {
        return new ArrayList<>(Arrays.stream(path.split("/+")).filter(s -> !s.isEmpty()).toList());
    }

    /// The placeholder values if `concrete` (already split) is an instance of this template.
    Optional<Map<String, String>> match(List<String> concrete) {
        List<String> parts = concrete;
        if (greedyTail && concrete.size() > segments.size()) {
            parts = new ArrayList<>(concrete.subList(0, segments.size() - 1));
            parts.add(String.join("/", concrete.subList(segments.size() - 1, concrete.size())));
        }
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = parts.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (!NON_BLANK.matcher(actual).matches()) {
                    return Optional.empty();
                }
                values.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
