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
            loading.set(false);
            hasMore.set(l.hasMore());
            status.set(l.searching() ? text.get("status.matches", rows.size(), l.scanned())
                    : text.get(l.hasMore() ? "status.itemsMore" : "status.items", rows.size()));
        }, failure -> {
            if (l == listing) { // a folder the operator has left (or an endpoint edited meanwhile) is not news
                loading.set(false);
                hasMore.set(false);
                status.set(text.get("status.failed"));
                Failures.report(notifier, text, failure);
            }
        });
    }
}
