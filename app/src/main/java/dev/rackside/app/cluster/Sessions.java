package dev.rackside.app.cluster;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The clusters connected right now. Changed on the FX thread only; views bind to [#list()].
public final class Sessions {
    private final ObservableList<ClusterSession> sessions = FXCollections.observableArrayList();

    public ObservableList<ClusterSession> list() {
        return FXCollections.unmodifiableObservableList(sessions);
    }

    /// Adds or replaces the session with the same id (reconnecting a profile).
    public void put(ClusterSession s) {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).id().equals(s.id())) {
                ClusterSession old = sessions.set(i, s);
                old.client().close();
                return;
            }
        }
        sessions.add(s);
    }

    public void remove(String id) {
        sessions.removeIf(s -> {
            if (s.id().equals(id)) {
                s.client().close();
                return true;
            }
            return false;
        });
    }

    public void closeAll() {
        sessions.forEach(s -> s.client().close());
        sessions.clear();
    }
}
