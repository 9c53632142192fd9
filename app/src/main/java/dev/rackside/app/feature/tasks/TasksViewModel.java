package dev.rackside.app.feature.tasks;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.TaskLog;
import dev.rackside.proxmox.model.TaskProgressListener;
import dev.rackside.proxmox.model.TaskStatus;
import dev.rackside.proxmox.model.Upid;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The tasks panel's state: every task the operator started, followed to its end by polling PVE
/// (status and log) off the UI thread; each poll's new log lines reach the UI in one batch.
public final class TasksViewModel implements TaskTracker {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration GIVE_UP = Duration.ofHours(6);

    private final Background background;
    private final Consumer<Runnable> ui;
    private final Clock clock;
    private final Messages text = Messages.of(TasksViewModel.class);
    // The extractor makes a state change of any entry a list change, so counts and tables follow it.
    private final ObservableList<TaskEntry> entries =
            FXCollections.observableArrayList(e -> new javafx.beans.Observable[] {e.stateProperty()});
    private final ObservableList<TaskEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final IntegerBinding running;

    /// @param ui posts a batch of changes to the UI thread (`FxBackground::onFx`; `Runnable::run` in tests)
    public TasksViewModel(Background background, Consumer<Runnable> ui, Clock clock) {
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.running = Bindings.createIntegerBinding(
                () -> (int) entries.stream().filter(e -> e.state() == TaskEntry.State.RUNNING).count(), entries);
    }

    /// Newest first.
    public ObservableList<TaskEntry> entries() {
        return readOnlyEntries; // one wrapper: views and listeners must observe the same list
    }

    public IntegerBinding runningCount() {
        return running;
    }

    @Override
    public void follow(ClusterSession session, Upid upid, String title, Runnable onFinished) {
        TaskEntry entry = new TaskEntry(title, session.name(), upid);
        entries.addFirst(entry);
        TaskProgressListener listener = new TaskProgressListener() {
            @Override
            public void onLogLines(List<TaskLog.Line> lines) {
                List<String> texts = lines.stream().map(TaskLog.Line::text).toList();
                ui.accept(() -> entry.appendLog(texts));
            }
        };
        background.submit(() -> session.client().tasks().await(upid, listener, POLL, GIVE_UP),
                (TaskStatus end) -> {
                    entry.finish(end.succeeded() ? TaskEntry.State.SUCCEEDED : TaskEntry.State.FAILED,
                            end.exitstatus(), clock.instant());
                    onFinished.run();
                },
                failure -> {
                    entry.finish(TaskEntry.State.FAILED, text.get("tasks.followFailed", failure.getMessage()), clock.instant());
                    onFinished.run();
                });
    }

    /// Removes finished tasks from the panel.
    public void clearFinished() {
        entries.removeIf(e -> e.state() != TaskEntry.State.RUNNING);
    }
}
