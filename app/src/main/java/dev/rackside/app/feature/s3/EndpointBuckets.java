package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.BucketInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Every endpoint's buckets as last listed, and the sidebar [S3BrowserViewModel] builds from them:
/// each endpoint (with the problem that kept its buckets from being listed, if any) followed by
/// its buckets.
final class EndpointBuckets {
    private final ObservableList<S3Session> sessions;
    private final Background background;
    private final Notifier notifier;
    private final Messages text = Messages.of(S3BrowserViewModel.class);
    private final ObservableList<SidebarEntry> sidebar = FXCollections.observableArrayList();
    private final Map<String, List<String>> buckets = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    // The newest listing asked of each endpoint: an older answer arriving late (a slow endpoint,
    // or a refresh right after a bucket was created) must not bring back what it no longer has.
    private final Map<String, Integer> asked = new HashMap<>();

    EndpointBuckets(ObservableList<S3Session> sessions, Background background, Notifier notifier) {
        this.sessions = sessions;
        this.background = background;
        this.notifier = notifier;
    }

    ObservableList<SidebarEntry> sidebar() {
        return sidebar;
    }

    /// Buckets of the endpoint `s`, as last listed.
    List<String> of(S3Session s) {
        return buckets.getOrDefault(s.id(), List.of());
    }

    /// Lists every endpoint's buckets again.
    void refresh() {
        for (S3Session s : List.copyOf(sessions)) {
            int ask = asked.merge(s.id(), 1, Integer::sum);
            background.submit(() -> s.engine().listBuckets(), (List<BucketInfo> list) -> {
                if (ask == asked.get(s.id())) {
                    buckets.put(s.id(), list.stream().map(BucketInfo::name).sorted().toList());
                    problems.remove(s.id());
                    rebuildSidebar();
                }
            }, failure -> {
                if (ask == asked.get(s.id())) {
                    problems.put(s.id(), Failures.message(text, failure));
                    rebuildSidebar();
                    Failures.report(notifier, text, failure);
                }
            });
        }
        rebuildSidebar();
    }

    /// Drops the buckets of endpoints that are gone.
    void forgetRemovedSessions() {
        List<String> ids = sessions.stream().map(S3Session::id).toList();
        buckets.keySet().retainAll(ids);
        problems.keySet().retainAll(ids);
    }

    private void rebuildSidebar() {
        List<SidebarEntry> entries = new ArrayList<>();
        for (S3Session s : sessions) {
            entries.add(new SidebarEntry.Endpoint(s, problems.get(s.id())));
            of(s).forEach(b -> entries.add(new SidebarEntry.Bucket(s, b)));
        }
        if (!entries.equals(sidebar)) { // a refresh that changed nothing leaves the list (and its selection) alone
            sidebar.setAll(entries);
        }
    }
}
