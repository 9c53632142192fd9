package dev.rackside.app.feature.about;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Help → About: version, build, runtime, and the bundled libraries with their licences.
public final class AboutDialog {
    private AboutDialog() {
    }

    /// Opens the dialog (non-modal to the rest of the app, owned by `owner` if given).
    public static void show(Window owner) {
        create(owner, AboutViewModel.ofThisBuild()).show();
    }

    static Alert create(Window owner, AboutViewModel vm) {
        Messages text = Messages.of(AboutDialog.class);
        String unknown = text.get("about.unknown");

        GridPane facts = new GridPane(16, 6);
        String build = vm.commit() == null ? unknown
                : text.get(vm.modified() ? "about.buildModified" : "about.build", vm.commit(),
                        vm.commitDate() == null ? unknown : vm.commitDate());
        addFact(facts, 0, text.get("about.version"), vm.version() == null ? unknown : vm.version());
        addFact(facts, 1, text.get("about.buildLabel"), build);
        addFact(facts, 2, text.get("about.runtime"), vm.runtime());

        Label heading = new Label(text.get("about.libraries", vm.libraries().size()));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<AboutViewModel.Library> table = new TableView<>();
        table.getStyleClass().addAll(Styles.DENSE, "about-libraries");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.get("about.library"), 220, l -> l.name()));
        table.getColumns().add(column(text.get("about.coordinates"), 230, l -> l.coordinates()));
        table.getColumns().add(column(text.get("about.licence"), 200, l -> String.join(" / ", l.licences())));
        table.getItems().setAll(vm.libraries());
        table.setPlaceholder(new Label(text.get("about.noLibraries")));
        table.setPrefSize(680, 300);
        Label runtimeLicence = new Label(text.get("about.runtimeLicence"));
        runtimeLicence.getStyleClass().add(Styles.TEXT_MUTED);
        runtimeLicence.setWrapText(true);

        VBox content = new VBox(12, facts, heading, table, runtimeLicence);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPadding(new Insets(8));

        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle(text.get("about.title"));
        alert.setHeaderText(text.get("about.header"));
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);
        if (owner != null && owner.getScene() != null) { // a Dialog copies its owner's style sheets
            alert.initOwner(owner);
        }
        return alert;
    }

    private static void addFact(GridPane grid, int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label val = new Label(value);
        val.setId("about-" + row);
        grid.addRow(row, key, val);
    }

    private static TableColumn<AboutViewModel.Library, String> column(String title, double width,
            java.util.function.Function<AboutViewModel.Library, String> value) {
        TableColumn<AboutViewModel.Library, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
