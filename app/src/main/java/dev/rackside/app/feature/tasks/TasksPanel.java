package dev.rackside.app.feature.tasks;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// The bottom panel's tasks tab: tasks on the left, the selected task's PVE log on the right.
public final class TasksPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final Messages text = Messages.of(TasksPanel.class);
    private final BorderPane root = new BorderPane();
    private final TableView<TaskEntry> table = new TableView<>();
    private final ListView<String> log = new ListView<>();

    public TasksPanel(TasksViewModel vm) {
        table.setItems(vm.entries());
        table.setPlaceholder(wrap(new Label(text.get("tasks.empty"))));
        table.getStyleClass().addAll(Styles.DENSE, "tasks-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(stateColumn());
        TableColumn<TaskEntry, String> task = column("tasks.column.task", TaskEntry::title);
        task.setPrefWidth(220);
        table.getColumns().add(task);
        TableColumn<TaskEntry, String> cluster = column("tasks.column.cluster", TaskEntry::cluster);
        cluster.setPrefWidth(170);
        table.getColumns().add(cluster);
        TableColumn<TaskEntry, String> started = column("tasks.column.started", e -> TIME.format(e.started()));
        started.setMinWidth(95);
        table.getColumns().add(started);
        TableColumn<TaskEntry, String> duration = new TableColumn<>(text.get("tasks.column.duration"));
        duration.setMinWidth(80);
        duration.setCellValueFactory(c -> Bindings.createStringBinding(() -> format(c.getValue()), c.getValue().endedProperty()));
        table.getColumns().add(duration);

        log.setPlaceholder(new Label(text.get("tasks.log.empty")));
        log.getStyleClass().addAll(Styles.DENSE, "task-log");
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> showLog(now));

        Button clear = new Button(text.get("tasks.clearFinished"));
        clear.getStyleClass().add(Styles.SMALL);
        clear.setOnAction(e -> vm.clearFinished());
        // The tab above says "Tasks" and how many run, so the header keeps only the actions.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, spacer, clear);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        SplitPane split = new SplitPane(table, log);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        root.setTop(header);
        root.setCenter(split);
        root.getStyleClass().add("tasks-panel");
        // New tasks come first and are selected, so the operator sees their log at once.
        vm.entries().addListener((ListChangeListener<TaskEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced() && !c.wasUpdated() && c.getFrom() == 0) {
                    table.getSelectionModel().clearAndSelect(0);
                }
            }
        });
    }

    public Node root() {
        return root;
    }

    /// "Tasks", or "Tasks · 2 running": the text of the bottom panel's tab, without building the panel.
    public static javafx.beans.value.ObservableValue<String> tabTitle(TasksViewModel vm) {
        Messages text = Messages.of(TasksPanel.class);
        return Bindings.createStringBinding(() -> vm.runningCount().get() == 0 ? text.get("tasks.title")
                : text.get("tasks.tabRunning", vm.runningCount().get()), vm.runningCount());
    }

    private void showLog(TaskEntry entry) {
        log.setItems(entry == null ? javafx.collections.FXCollections.observableArrayList() : entry.log());
    }

    private TableColumn<TaskEntry, TaskEntry.State> stateColumn() {
        TableColumn<TaskEntry, TaskEntry.State> c = new TableColumn<>(text.get("tasks.column.status"));
        c.setCellValueFactory(d -> d.getValue().stateProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(TaskEntry.State s, boolean empty) {
                super.updateItem(s, empty);
                TaskEntry e = empty ? null : getTableRow().getItem();
                if (s == null || e == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                // A label carries AtlantaFX's colour classes; a cell's own text does not.
                label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.ACCENT);
                label.getStyleClass().add(switch (s) {
                    case RUNNING -> Styles.ACCENT;
                    case SUCCEEDED -> Styles.SUCCESS;
                    case FAILED -> Styles.DANGER;
                });
                label.setText((s == TaskEntry.State.RUNNING ? "\u25CF " : s == TaskEntry.State.SUCCEEDED ? "\u2714 " : "\u2716 ")
                        + text.get("tasks.state." + s.name()) + (s == TaskEntry.State.FAILED ? ": " + e.messageProperty().get() : ""));
                setGraphic(label);
                setTooltip(s == TaskEntry.State.FAILED ? new javafx.scene.control.Tooltip(e.messageProperty().get()) : null);
            }
        });
        c.setPrefWidth(260);
        return c;
    }

    private TableColumn<TaskEntry, String> column(String key, java.util.function.Function<TaskEntry, String> value) {
        TableColumn<TaskEntry, String> c = new TableColumn<>(text.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static String format(TaskEntry e) {
        Instant end = e.endedProperty().get();
        if (end == null) {
            return "…";
        }
        Duration d = Duration.between(e.started(), end);
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : Math.max(0, d.toSeconds()) + " s";
    }

    private static Node wrap(Label l) {
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
