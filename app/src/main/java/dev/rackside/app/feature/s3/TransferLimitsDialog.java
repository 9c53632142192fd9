package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.TransferSettings;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// "Transfer limits": caps up and down, parallel transfers, and the weekly schedule's windows, for
/// every endpoint together. Apply keeps the dialog open while something typed is not a limit, so
/// nothing typed is lost; Cancel puts the form back to what is in force.
public final class TransferLimitsDialog {
    static final String ID = "s3-limits";

    private TransferLimitsDialog() {
    }

    public static Dialog<Void> create(TransferSettingsViewModel vm, Window owner) {
        Messages text = Messages.of(TransferLimitsDialog.class);
        vm.reset();
        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(text.get("limits.title"));
        d.setHeaderText(text.get("limits.header"));
        d.setResizable(true);
        d.getDialogPane().setId(ID);
        ButtonType apply = new ButtonType(text.get("limits.apply"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);

        TextField upload = rateField("limits-upload", vm.upload);
        TextField download = rateField("limits-download", vm.download);
        GridPane caps = new GridPane(8, 6);
        caps.addRow(0, label(text.get("limits.upload")), upload, unit(text));
        caps.addRow(1, label(text.get("limits.download")), download, unit(text));
        Spinner<Integer> parallel = concurrency(vm);
        HBox parallelRow = row(label(text.get("limits.concurrency")), parallel);

        CheckBox scheduleOn = new CheckBox(text.get("limits.scheduleOn"));
        scheduleOn.setId("limits-schedule-on");
        scheduleOn.selectedProperty().bindBidirectional(vm.scheduleOn);
        TableView<TransferSettings.Window> table = windows(vm, text);

        Label inForce = new Label();
        inForce.setId("limits-in-force");
        inForce.getStyleClass().add(Styles.TEXT_MUTED);
        inForce.textProperty().bind(vm.inForceProperty());
        Label problem = new Label();
        problem.setId("limits-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        VBox box = new VBox(8, DialogParts.section(text.get("limits.caps")), caps, DialogParts.note(text.get("limits.capsNote")), parallelRow,
                DialogParts.section(text.get("limits.schedule")), scheduleOn, table, newWindow(vm, text),
                DialogParts.note(text.get("limits.scheduleNote")), inForce, problem);
        // No padding set here: the theme's 1em around a dialog's content applies only while none is set.
        d.getDialogPane().setContent(box);

        Button applyButton = (Button) d.getDialogPane().lookupButton(apply);
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            commit(parallel);
            if (vm.apply()) {
                d.close();
            }
        });
        d.setOnHidden(e -> vm.reset()); // after Apply, reset shows what was applied; after Cancel, drops the edits
        d.setOnShown(e -> upload.requestFocus());
        return d;
    }

    private static TableView<TransferSettings.Window> windows(TransferSettingsViewModel vm, Messages text) {
        TableView<TransferSettings.Window> table = new TableView<>(vm.windows());
        table.setId("limits-windows");
        table.getStyleClass().add(Styles.DENSE);
        table.setPrefHeight(130);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(DialogParts.note(text.get("limits.noWindows")));
        TableColumn<TransferSettings.Window, String> when = new TableColumn<>(text.get("limits.column.when"));
        when.setPrefWidth(230);
        when.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.when(c.getValue())));
        TableColumn<TransferSettings.Window, String> rates = new TableColumn<>(text.get("limits.column.rates"));
        rates.setPrefWidth(250);
        rates.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.rates(c.getValue())));
        TableColumn<TransferSettings.Window, TransferSettings.Window> remove = new TableColumn<>();
        remove.setPrefWidth(90);
        remove.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        remove.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button(text.get("limits.remove"));

            {
                button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.DANGER);
                button.setOnAction(e -> vm.removeWindow(getItem()));
            }

            @Override
            protected void updateItem(TransferSettings.Window w, boolean empty) {
                super.updateItem(w, empty);
                setGraphic(empty || w == null ? null : button);
            }
        });
        table.getColumns().setAll(java.util.List.of(when, rates, remove));
        table.setOnKeyPressed(e -> {
            TransferSettings.Window selected = table.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected != null) {
                vm.removeWindow(selected);
                e.consume();
            }
        });
        return table;
    }

    /// Days, times and limits of the window to add, then "Add window".
    private static Node newWindow(TransferSettingsViewModel vm, Messages text) {
        HBox days = new HBox(2);
        for (DayOfWeek day : DayOfWeek.values()) {
            ToggleButton t = new ToggleButton(day.getDisplayName(TextStyle.SHORT, text.bundle().getLocale()));
            t.setId("limits-day-" + day.name());
            t.getStyleClass().add(Styles.SMALL);
            t.selectedProperty().bindBidirectional(vm.newDay(day));
            days.getChildren().add(t);
        }
        TextField from = timeField("limits-from", vm.newStart);
        TextField to = timeField("limits-to", vm.newEnd);
        TextField up = rateField("limits-window-upload", vm.newUpload);
        TextField down = rateField("limits-window-download", vm.newDownload);
        Button add = new Button(text.get("limits.add"));
        add.setId("limits-add");
        add.setOnAction(e -> vm.addWindow());
        // Enter in the window's fields adds the window; otherwise it would apply the dialog.
        for (TextField f : java.util.List.of(from, to, up, down)) {
            f.setOnAction(e -> {
                e.consume();
                vm.addWindow();
            });
        }
        HBox times = row(label(text.get("limits.from")), from, label(text.get("limits.to")), to);
        HBox rates = row(label(text.get("limits.upload")), up, label(text.get("limits.download")), down, unit(text), add);
        VBox box = new VBox(6, days, times, rates);
        return box;
    }

    private static Spinner<Integer> concurrency(TransferSettingsViewModel vm) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TransferSettings.MAX_CONCURRENCY);
        // A blank or a non-number (committed also when the field loses focus) keeps the last value;
        // the stock converter reads blank as null, which would count as 0.
        factory.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        Spinner<Integer> s = new Spinner<>(factory);
        s.setId("limits-concurrency");
        s.setEditable(true);
        s.setPrefWidth(90);
        ObjectProperty<Integer> value = vm.concurrency.asObject();
        factory.valueProperty().bindBidirectional(value);
        s.getProperties().put("limits-concurrency-binding", value); // a bidirectional binding holds its ends weakly
        return s;
    }

    /// A number typed into the spinner counts without Enter (the factory clamps it to 1..32).
    private static void commit(Spinner<Integer> s) {
        s.commitValue();
        s.getEditor().setText(String.valueOf(s.getValue())); // a blank or non-number shows the kept value again
    }

    private static TextField rateField(String id, javafx.beans.property.StringProperty value) {
        return field(id, value, 6);
    }

    private static TextField timeField(String id, javafx.beans.property.StringProperty value) {
        return field(id, value, 4);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /// A caption that never shrinks to "…" when the dialog is narrow.
    private static Label label(String s) {
        Label l = new Label(s);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label unit(Messages text) {
        Label l = new Label(text.get("limits.unit"));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
