package dev.rackside.proxmox.model;

import java.util.List;

/// Receives what happens while a task is followed to its end. Called on the polling thread.
public interface TaskProgressListener {

    /// New log lines since the last call, in order.
    default void onLogLines(List<TaskLog.Line> lines) {
    }

    /// The status after each poll.
    default void onStatus(TaskStatus status) {
    }

    TaskProgressListener NONE = new TaskProgressListener() {
    };
}
