package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The object listing [S3BrowserViewModel] shows for its location: the rows loaded so far a page
/// at a time, whether a page is on its way or more remain, and the status line under them.
final class ListingPages {
    private final Background background;
    private final Notifier notifier;
    private final int pageSize;
    private final Messages text = Messages.of(S3BrowserViewModel.class);
    private final ObservableList<ObjectRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /// Rows a [#reload] lists again at most before it shows them (25 pages of 200).
    static final int RELOAD_LIMIT = 5_000;
    private Listing listing;

    ListingPages(Background background, Notifier notifier, int pageSize) {
        this.background = background;
        this.notifier = notifier;
        this.pageSize = pageSize;
    }

    ObservableList<ObjectRow> rows() {
        return rows;
    }

    ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasMore() {
        return hasMore.getReadOnlyProperty();
    }

    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /// Lists a location from its first page; no endpoint or no bucket shows nothing.
    void show(S3Session s, String bucket, String prefix, String query) {
        rows.clear();
        if (s == null || bucket == null) {
            listing = null;
            hasMore.set(false);
            status.set("");
            return;
        }
        listing = new Listing(s.engine(), bucket, prefix, query, pageSize);
        hasMore.set(true);
        loading.set(false);
        loadMore();
    }

    /// Lists the location again without emptying the table first: the rows stay until as many are
    /// listed again as were loaded (at most [#RELOAD_LIMIT]), then are replaced at once. For a
    /// refresh the operator did not ask for (an upload finished, an object was moved), which must
    /// not throw away where they scrolled to.
    void reload(S3Session s, String bucket, String prefix, String query) {
        if (s == null || bucket == null || listing == null || query != null && !query.isBlank()) {
            show(s, bucket, prefix, query); // a search's matches say nothing of how far to scan again
            return;
        }
        int wanted = Math.min(Math.max(rows.size(), 1), RELOAD_LIMIT);
        Listing l = new Listing(s.engine(), bucket, prefix, query, pageSize);
        listing = l;
        loading.set(true);
        background.submit(() -> {
            List<ObjectRow> all = new java.util.ArrayList<>(l.next());
            while (all.size() < wanted && l.hasMore()) {
                all.addAll(l.next());
            }
            return all;
        }, (List<ObjectRow> all) -> {
            if (l == listing) {
                rows.setAll(all);
                settled(l);
            }
        }, failure -> failed(l, failure));
    }

    /// Fetches the next page, if there is one and none is on its way.
    void loadMore() {
        Listing l = listing;
        if (l == null || loading.get() || !l.hasMore()) {
            return;
        }
        loading.set(true);
        background.submit(l::next, (List<ObjectRow> page) -> {
            if (l != listing) {
                return; // the operator went elsewhere meanwhile
            }
            rows.addAll(page);
            settled(l);
        }, failure -> failed(l, failure));
    }

    private void settled(Listing l) {
        loading.set(false);
        hasMore.set(l.hasMore());
        status.set(l.searching() ? text.get("status.matches", rows.size(), l.scanned())
                : text.get(l.hasMore() ? "status.itemsMore" : "status.items", rows.size()));
    }

    private void failed(Listing l, Throwable failure) {
        if (l == listing) { // a folder the operator has left (or an endpoint edited meanwhile) is not news
            loading.set(false);
            hasMore.set(false);
            status.set(text.get("status.failed"));
            Failures.report(notifier, text, failure);
        }
    }
}
