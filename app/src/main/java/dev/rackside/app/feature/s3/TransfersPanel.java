package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.TransferState;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// The transfers tab of the app's bottom panel: one row per file with its progress, rate and
/// remaining time, the totals above, pause/resume/cancel. It lives beside the PVE tasks, not inside
/// the S3 browser, so a long upload stays in sight whatever view the operator moves to.
public final class TransfersPanel {
    static final String ID = "s3-transfers";

    private final TransfersViewModel vm;
    private final Messages text;
    private final Sizes sizes;
    private final BorderPane root = new BorderPane();
    private final TableView<TransferRow> table = new TableView<>();

    /// @param limits the transfer limits, opened from the panel's header
    public TransfersPanel(TransfersViewModel vm, TransferSettingsViewModel limits) {
        this.vm = vm;
        this.text = Messages.of(S3BrowserView.class);
        this.sizes = new Sizes(text);
        table.setId(ID);
        table.setItems(vm.rows());
        // Pause, resume and cancel act on every selected row: a dropped folder is thousands of them.
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.DENSE, "s3-transfers");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(text.get("transfers.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        TableColumn<TransferRow, String> object = column("transfers.column.object", 320,
                r -> new ReadOnlyObjectWrapper<>((r.upload() ? "\u2191 " : "\u2193 ") + r.object()));
        table.getColumns().add(object);
        // Transfers from every endpoint share this table, as tasks from every cluster share theirs.
        table.getColumns().add(column("transfers.column.endpoint", 130, r -> new ReadOnlyObjectWrapper<>(r.session().name())));
        table.getColumns().add(progressColumn());
        table.getColumns().add(column("transfers.column.size", 170, r -> Bindings.createStringBinding(
                () -> sizes.bytes(r.transferredProperty().get()) + (r.totalProperty().get() >= 0
                        ? " / " + sizes.bytes(r.totalProperty().get()) : ""), r.transferredProperty(), r.totalProperty())));
        table.getColumns().add(column("transfers.column.rate", 100,
                r -> Bindings.createStringBinding(() -> sizes.rate(r.rateProperty().get()), r.rateProperty())));
        table.getColumns().add(column("transfers.column.eta", 80,
                r -> Bindings.createStringBinding(() -> sizes.eta(r.etaProperty().get()), r.etaProperty())));
        table.getColumns().add(stateColumn());

        ProgressBar total = new ProgressBar();
        total.setId("s3-transfers-total");
        total.progressProperty().bind(vm.totalProgressProperty());
        total.setPrefWidth(120);
        total.setMinWidth(60);
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(() -> text.get("transfers.summary", vm.activeProperty().get(),
                        Math.round(vm.totalProgressProperty().get() * 100), sizes.rate(vm.totalRateProperty().get()),
                        sizes.eta(vm.totalEtaProperty().get())),
                vm.activeProperty(), vm.totalProgressProperty(), vm.totalRateProperty(), vm.totalEtaProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pause = button("transfers.pause", rows -> vm.pause(rows));
        Button resume = button("transfers.resume", rows -> vm.resume(rows));
        Button cancel = button("transfers.cancel", rows -> vm.cancel(rows));
        cancel.getStyleClass().add(Styles.DANGER);
        Button clear = new Button(text.get("transfers.clear"));
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clearFinished());
        Button limitsButton = limitsButton(limits);
        summary.setMinWidth(0); // the summary gives way first when the panel is narrow
        limitsButton.setMinWidth(0);
        List.of(pause, resume, cancel, clear).forEach(n -> n.setMinWidth(Region.USE_PREF_SIZE));
        HBox header = new HBox(8, total, summary, spacer, limitsButton, new Separator(Orientation.VERTICAL),
                pause, resume, cancel, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(header);
        root.setCenter(table);
        root.getStyleClass().add("s3-transfers-panel");
    }

    public Node root() {
        return root;
    }

    /// "Transfers", or "Transfers · 2 active": the text of the bottom panel's tab, without building the panel.
    public static ObservableValue<String> tabTitle(TransfersViewModel vm) {
        Messages text = Messages.of(TransfersPanel.class);
        return Bindings.createStringBinding(() -> vm.activeProperty().get() == 0 ? text.get("transfers.title")
                : text.get("transfers.tabActive", vm.activeProperty().get()), vm.activeProperty());
    }

    /// Shows the limits in force and opens the dialog. A schedule's window begins and ends on its own,
    /// so the text is re-read every 10 s.
    private Button limitsButton(TransferSettingsViewModel limits) {
        Button b = new Button();
        b.setId("s3-transfer-limits");
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.textProperty().bind(limits.inForceProperty());
        b.setTooltip(new Tooltip(text.get("limits.open.tooltip")));
        b.setOnAction(e -> TransferLimitsDialog.create(limits, root.getScene() == null ? null : root.getScene().getWindow()).show());
        Timeline reread = new Timeline(new KeyFrame(javafx.util.Duration.seconds(10), e -> limits.refresh()));
        reread.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                reread.stop();
            } else {
                limits.refresh();
                reread.play();
            }
        });
        return b;
    }

    private Button button(String key, Consumer<List<TransferRow>> action) {
        Button b = new Button(text.get(key));
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> action.accept(List.copyOf(table.getSelectionModel().getSelectedItems())));
        return b;
    }

    private TableColumn<TransferRow, Number> progressColumn() {
        TableColumn<TransferRow, Number> c = new TableColumn<>(text.get("transfers.column.progress"));
        c.setPrefWidth(110);
        c.setCellValueFactory(d -> d.getValue().progressProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add(Styles.SMALL);
            }

            @Override
            protected void updateItem(Number p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(p.doubleValue() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.doubleValue());
                setGraphic(bar);
            }
        });
        return c;
    }

    private TableColumn<TransferRow, TransferRow.Status> stateColumn() {
        TableColumn<TransferRow, TransferRow.Status> c = new TableColumn<>(text.get("transfers.column.state"));
        c.setPrefWidth(200);
        c.setCellValueFactory(d -> d.getValue().statusProperty());
        c.setComparator(java.util.Comparator.comparing(TransferRow.Status::state)); // lifecycle order, not by name
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(TransferRow.Status status, boolean empty) {
                super.updateItem(status, empty);
                TransferRow r = empty ? null : getTableRow().getItem();
                if (status == null || r == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                TransferState s = status.state();
                String problem = r.problemProperty().get();
                String state = status.checking() && s == TransferState.RUNNING ? text.get("transfers.state.checking")
                        : text.get("transfers.state." + s.name());
                label.setText(state + (problem.isEmpty() ? "" : ": " + problem));
                label.getStyleClass().setAll("label", switch (s) {
                    case COMPLETED -> Styles.SUCCESS;
                    case FAILED -> Styles.DANGER;
                    case RUNNING -> Styles.ACCENT;
                    default -> Styles.TEXT_MUTED;
                });
                setGraphic(label);
                setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
            }
        });
        return c;
    }

    private TableColumn<TransferRow, String> column(String key, double width,
                                                    Function<TransferRow, ObservableValue<String>> value) {
        TableColumn<TransferRow, String> c = new TableColumn<>(text.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        return c;
    }
}
