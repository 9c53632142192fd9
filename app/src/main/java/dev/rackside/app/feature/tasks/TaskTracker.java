package dev.rackside.app.feature.tasks;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.proxmox.model.Upid;

/// Takes a PVE task the operator started and shows it in the tasks panel, following its UPID to
/// the end (status, log, PVE's error message on failure).
public interface TaskTracker {

    /// @param title what the operator did, e.g. "Start web-01 (100)"
    /// @param onFinished called on the UI thread when the task ended, successfully or not
    void follow(ClusterSession session, Upid upid, String title, Runnable onFinished);
}
