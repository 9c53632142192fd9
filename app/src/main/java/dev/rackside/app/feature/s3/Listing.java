package dev.rackside.app.feature.s3;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.S3Engine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/// A lazy cursor over one location's listing: the next server page is fetched only when the
/// operator scrolls to the end or asks for more, so a bucket is never listed whole.
///
/// Browsing lists one folder level (delimiter `/`). Searching lists everything under the prefix
/// recursively and keeps the keys whose relative name contains the query, scanning a bounded
/// number of pages per call so a search in a huge bucket stays responsive.
final class Listing {
    /// Pages a search scans per call before it hands back what it found.
    static final int SEARCH_PAGES_PER_CALL = 10;

    private final String prefix;
    private final String query;
    private final Iterator<ObjectPage> pages;
    private long scanned;

    Listing(S3Engine engine, String bucket, String prefix, String query, int pageSize) {
        this.prefix = prefix;
        this.query = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        this.pages = engine.list(bucket, prefix, this.query == null, pageSize).iterator();
    }

    boolean searching() {
        return query != null;
    }

    /// Keys looked at so far (in a search, also those that did not match).
    long scanned() {
        return scanned;
    }

    /// Fetches the next page (browsing) or pages until something matched (searching). Blocking.
    List<ObjectRow> next() {
        List<ObjectRow> rows = new ArrayList<>();
        int budget = query == null ? 1 : SEARCH_PAGES_PER_CALL;
        while (budget-- > 0 && pages.hasNext()) {
            ObjectPage page = pages.next();
            scanned += page.objects().size() + page.folders().size();
            for (String folder : page.folders()) {
                rows.add(ObjectRow.folder(folder, prefix));
            }
            for (ObjectInfo o : page.objects()) {
                if (o.key().equals(prefix)) {
                    continue; // the "folder marker" a console made for the prefix itself
                }
                if (query == null || o.key().substring(prefix.length()).toLowerCase(Locale.ROOT).contains(query)) {
                    rows.add(ObjectRow.object(o, prefix));
                }
            }
            if (query != null && !rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }

    boolean hasMore() {
        return pages.hasNext();
    }
}
