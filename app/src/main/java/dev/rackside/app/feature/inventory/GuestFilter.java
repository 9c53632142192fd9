package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.GuestType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/// What the operator typed and picked, as one predicate over guest rows.
///
/// The search text is split at blanks and every word must match the name, the VMID (as a prefix),
/// a tag, the node or one of the guest's IP addresses (as a prefix), so `web prod` finds the web
/// servers tagged `prod` and `10.20.1.` the guests on that network.
///
/// @param type   null for both kinds
/// @param scope  the resource-tree selection
record GuestFilter(List<String> words, GuestType type, StatusFilter status, Scope scope) implements Predicate<GuestRow> {

    /// Whether the search text contains something only an address can match (`10.20.`, `fd00:`),
    /// which makes it worth asking the guests for their addresses.
    static boolean looksLikeAddress(String search) {
        return search != null && java.util.Arrays.stream(search.strip().split("\\s+"))
                .anyMatch(w -> w.matches("\\d{1,3}\\.[\\d.]*") || w.matches("(?i)[0-9a-f]{1,4}:[0-9a-f:]*"));
    }

    static GuestFilter of(String search, GuestType type, StatusFilter status, Scope scope) {
        String s = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<String> words = s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
        return new GuestFilter(words, type, status == null ? StatusFilter.ANY : status, scope == null ? Scope.ALL : scope);
    }

    @Override
    public boolean test(GuestRow r) {
        if (type != null && r.typeProperty().get() != type) {
            return false;
        }
        if (!status.matches(r) || !scope.contains(r)) {
            return false;
        }
        for (String w : words) {
            if (!matches(r, w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(GuestRow r, String word) {
        if (r.nameProperty().get().toLowerCase(Locale.ROOT).contains(word)
                || Integer.toString(r.vmid()).startsWith(word)
                || r.nodeProperty().get().toLowerCase(Locale.ROOT).contains(word)) {
            return true;
        }
        for (String tag : r.tags()) {
            if (tag.contains(word)) {
                return true;
            }
        }
        for (String address : r.addresses()) {
            if (address.startsWith(word)) {
                return true;
            }
        }
        return false;
    }
}
