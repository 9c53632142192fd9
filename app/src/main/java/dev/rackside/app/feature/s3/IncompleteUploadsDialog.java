package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.IncompleteUpload;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// A bucket's incomplete multipart uploads, oldest first: "Resume" for those this computer began,
/// "Continue from file…" for one another tool began, and "Abort" for the selected ones.
public final class IncompleteUploadsDialog {
    public static final String TABLE_ID = "s3-incomplete-uploads";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private IncompleteUploadsDialog() {
    }

    static void show(IncompleteUploadsViewModel vm, S3Prompts prompts, FolderPicker picker, Messages text, Window owner) {
        create(vm, prompts, picker, text, owner).show();
    }

    /// The dialog, not yet shown, with the browser's own texts and questions (the screenshots use it).
    public static Dialog<Void> create(IncompleteUploadsViewModel vm, FolderPicker picker, Window owner) {
        Messages text = Messages.of(S3BrowserView.class);
        return create(vm, new S3Dialogs(text, () -> owner), picker, text, owner);
    }

    private static Dialog<Void> create(IncompleteUploadsViewModel vm, S3Prompts prompts, FolderPicker picker, Messages text,
                                       Window owner) {
        TableView<IncompleteUpload> table = new TableView<>(vm.uploads());
        table.setId(TABLE_ID);
        table.getStyleClass().add(Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(Bindings.when(vm.loadingProperty()).then(text.get("objects.loading"))
                .otherwise(text.get("uploads.none")));
        table.setPlaceholder(none);
        Instant now = Instant.now();
        table.getColumns().add(column(text.get("uploads.key"), 330, IncompleteUpload::key));
        table.getColumns().add(column(text.get("uploads.started"), 170,
                u -> u.initiated() == null ? "" : TIME.format(u.initiated())));
        table.getColumns().add(column(text.get("uploads.age"), 110, u -> vm.age(u, now)));
        table.getColumns().add(column(text.get("uploads.here"), 150, u -> vm.resumable(u)
                .map(t -> text.get("uploads.here." + t.state().name()))
                .orElseGet(() -> text.get(vm.foreign(u) ? "uploads.here.elsewhere" : "uploads.here.begun"))));
        table.setPrefSize(830, 300);

        Button abort = new Button(text.get("uploads.abort"));
        abort.setId("s3-uploads-abort");
        abort.getStyleClass().add(Styles.DANGER);
        abort.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        abort.setOnAction(e -> vm.abort(table.getSelectionModel().getSelectedItems(), prompts));
        Button resume = new Button(text.get("uploads.resume"));
        resume.setId("s3-uploads-resume");
        // Only what this computer began and paused (or that failed) can go on: the file is known here.
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> table.getSelectionModel().getSelectedItems()
                .stream().noneMatch(u -> vm.resumable(u).isPresent()), table.getSelectionModel().getSelectedItems()));
        resume.setOnAction(e -> vm.resume(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button adopt = new Button(text.get("uploads.adopt"));
        adopt.setId("s3-uploads-adopt");
        // One at a time: the operator names the file this one upload came from.
        // From the list itself: while a selection changes, the selected item can still be null.
        adopt.disableProperty().bind(Bindings.createBooleanBinding(() -> table.getSelectionModel().getSelectedItems().size() != 1
                || !vm.foreign(table.getSelectionModel().getSelectedItems().getFirst()), table.getSelectionModel().getSelectedItems()));
        adopt.setOnAction(e -> {
            List<IncompleteUpload> chosen = table.getSelectionModel().getSelectedItems();
            IncompleteUpload u = chosen.size() == 1 ? chosen.getFirst() : null;
            if (u != null) {
                String name = u.key().substring(u.key().lastIndexOf('/') + 1);
                picker.pickFile(text.get("uploads.adopt.title", name)).ifPresent(file -> vm.continueFrom(u, file));
            }
        });
        Button refresh = new Button(text.get("nav.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label hint = new Label(text.get("uploads.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox actions = new HBox(8, resume, adopt, abort, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        // The buttons keep their labels; the hint wraps below them over the dialog's width.
        actions.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(text.get("uploads.title"));
        d.setHeaderText(text.get("uploads.header", vm.bucket()));
        d.setResizable(true);
        d.getDialogPane().setContent(new VBox(8, table, actions, hint));
        d.getDialogPane().setPrefWidth(880);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setOnShown(e -> table.requestFocus());
        vm.refresh();
        return d;
    }

    private static TableColumn<IncompleteUpload, String> column(String title, double width,
                                                              Function<IncompleteUpload, String> value) {
        TableColumn<IncompleteUpload, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
