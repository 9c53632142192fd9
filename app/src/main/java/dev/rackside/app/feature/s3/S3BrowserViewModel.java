package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// The S3 browser's state: endpoints and their buckets, the current location (endpoint, bucket,
/// prefix), and the object listing of that location, loaded a page at a time.
public final class S3BrowserViewModel {
    /// Keys per listing request: what S3 returns at most is 1,000; 200 fills a screen twice over.
    public static final int PAGE_SIZE = 200;

    /// One step of the breadcrumbs: the bucket (prefix "") or a folder.
    public record Crumb(String label, String prefix) {
    }

    private final ObservableList<S3Session> sessions;
    private final Background background;
    private final Notifier notifier;
    private final Messages text = Messages.of(S3BrowserViewModel.class);
    private final EndpointBuckets buckets;
    private final ReadOnlyObjectWrapper<S3Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper("");
    private final ObservableList<Crumb> crumbs = FXCollections.observableArrayList();
    private final ListingPages pages;
    private final TransfersViewModel transfers;
    private final ObjectActions actions;
    private final BucketActions bucketActions;
    private final ChecksumLookups checksums;

    public S3BrowserViewModel(ObservableList<S3Session> sessions, Background background, Notifier notifier,
                              Consumer<Runnable> ui) {
        this(sessions, background, notifier, ui, PAGE_SIZE);
    }

    /// @param ui posts a batch of transfer updates to the UI thread (`FxBackground::onFx`; `Runnable::run` in tests)
    public S3BrowserViewModel(ObservableList<S3Session> sessions, Background background, Notifier notifier,
                              Consumer<Runnable> ui, int pageSize) {
        this.sessions = sessions;
        this.background = background;
        this.notifier = notifier;
        this.pages = new ListingPages(background, notifier, pageSize);
        this.buckets = new EndpointBuckets(sessions, background, notifier);
        this.transfers = new TransfersViewModel(sessions, background, notifier, ui);
        this.actions = new ObjectActions(this, background, notifier, transfers);
        this.bucketActions = new BucketActions(background, notifier);
        this.checksums = new ChecksumLookups(background);
        transfers.setOnUploaded((s, b, into) -> {
            // Only where the new objects (or a new folder holding them) show; the folder stays as it is
            // scrolled and selected meanwhile.
            if (s == session.get() && b.equals(bucket.get()) && (into.startsWith(prefix.get()) || prefix.get().startsWith(into))) {
                reload();
            }
        });
        sessions.addListener((ListChangeListener<S3Session>) c -> sessionsChanged());
        refreshBuckets();
    }

    public ObservableList<SidebarEntry> sidebar() {
        return buckets.sidebar();
    }

    public ObservableList<ObjectRow> rows() {
        return pages.rows();
    }

    public ObservableList<Crumb> crumbs() {
        return crumbs;
    }

    public ReadOnlyObjectProperty<S3Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty prefixProperty() {
        return prefix.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return pages.loading();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return pages.hasMore();
    }

    /// "42 items", "3 matches among 1,000 keys", …
    public ReadOnlyStringProperty statusProperty() {
        return pages.status();
    }

    public TransfersViewModel transfers() {
        return transfers;
    }

    public ObjectActions actions() {
        return actions;
    }

    public BucketActions bucketActions() {
        return bucketActions;
    }

    /// Buckets of the endpoint `s`, as last listed.
    public List<String> buckets(S3Session s) {
        return buckets.of(s);
    }

    /// Lists every endpoint's buckets again.
    public void refreshBuckets() {
        buckets.refresh();
    }

    /// Shows a bucket's root.
    public void open(S3Session s, String bucketName) {
        session.set(s);
        bucket.set(bucketName);
        query.set("");
        goTo("");
    }

    /// Enters a folder; objects are left to the view (metadata, download).
    public void enter(ObjectRow row) {
        if (row != null && row.isFolder()) {
            query.set("");
            goTo(row.key());
        }
    }

    /// Goes one folder up; false at the bucket's root.
    public boolean up() {
        String p = prefix.get();
        if (bucket.get() == null || p.isEmpty()) {
            return false;
        }
        String trimmed = p.substring(0, p.length() - 1);
        query.set("");
        goTo(trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "");
        return true;
    }

    /// Shows `newPrefix` (a breadcrumb), leaving any search.
    public void goTo(String newPrefix) {
        prefix.set(newPrefix);
        crumbs.setAll(crumbsOf(bucket.get(), newPrefix));
        refresh();
    }

    /// Searches the current prefix and everything under it; a blank query browses again.
    public void search(String q) {
        String trimmed = q == null ? "" : q.strip();
        if (!trimmed.equals(query.get())) {
            query.set(trimmed);
            refresh();
        }
    }

    /// Lists the current location again from its first page.
    public void refresh() {
        checksums.dropWaiting();
        pages.show(session.get(), bucket.get(), prefix.get(), query.get());
    }

    /// Lists the current location again, keeping the rows shown until the new ones are there (see
    /// [ListingPages#reload]): after a change the operator made elsewhere, not asked for as F5 is.
    public void reload() {
        checksums.dropWaiting();
        pages.reload(session.get(), bucket.get(), prefix.get(), query.get());
    }

    /// Fetches the next page, if there is one and none is on its way.
    public void loadMore() {
        pages.loadMore();
    }

    /// Reads what `row`'s downloads are verified against (one HEAD, a few at a time), once, when
    /// it is first shown; see [ChecksumLookups].
    public void checkChecksum(ObjectRow row) {
        checksums.request(session.get(), bucket.get(), row);
    }

    /// What a HEAD made for another reason (the details dialog) told about `row`'s checksum.
    void checksumLearned(S3Session s, String bucketName, ObjectRow row, ChecksumState state) {
        checksums.learned(s, bucketName, row, state);
    }

    /// Asks for a name and a region and creates the bucket on `s`, then opens it.
    public void createBucket(S3Session s, S3Prompts prompts) {
        var endpoint = s.engine().endpoint();
        boolean aws = s.engine().onAws();
        prompts.askNewBucket(endpoint.region(), aws).filter(b -> !b.name().isBlank()).ifPresent(wanted ->
                background.submit(() -> {
                    s.engine().createBucket(wanted.name().strip(), wanted.region());
                    return wanted.name().strip();
                }, created -> {
                    refreshBuckets();
                    String in = wanted.region().isBlank() ? endpoint.region() : wanted.region().strip();
                    if (aws && !in.equals(endpoint.region())) {
                        // This endpoint's requests are signed for its own region: AWS would redirect them.
                        notifier.info(text.get("bucket.createdElsewhere", created, in, endpoint.region()));
                    } else {
                        notifier.info(text.get("bucket.created", created));
                        open(s, created);
                    }
                }, failure -> Failures.report(notifier, text, failure)));
    }

    /// Deletes an empty bucket after confirmation; the engine refuses one that still holds objects.
    public void deleteBucket(S3Session s, String name, S3Prompts prompts) {
        if (!prompts.confirmDeleteBucket(name)) {
            return;
        }
        background.submit(() -> {
            s.engine().deleteBucket(name);
            return name;
        }, deleted -> {
            notifier.info(text.get("bucket.deleted", deleted));
            if (s == session.get() && deleted.equals(bucket.get())) {
                clearLocation();
            }
            refreshBuckets();
        }, failure -> Failures.report(notifier, text, failure));
    }

    private void sessionsChanged() {
        buckets.forgetRemovedSessions();
        if (session.get() != null && !sessions.contains(session.get())) {
            clearLocation();
        }
        refreshBuckets();
    }

    private void clearLocation() {
        session.set(null);
        bucket.set(null);
        prefix.set("");
        query.set("");
        crumbs.clear();
        refresh();
    }

    static List<Crumb> crumbsOf(String bucket, String prefix) {
        List<Crumb> out = new ArrayList<>();
        if (bucket == null) {
            return out;
        }
        out.add(new Crumb(bucket, ""));
        int start = 0;
        for (int slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', start)) {
            out.add(new Crumb(prefix.substring(start, slash), prefix.substring(0, slash + 1)));
            start = slash + 1;
        }
        return out;
    }
}
