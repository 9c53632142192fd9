package dev.rackside.app.feature.shell;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/// Lists the keyboard shortcuts (F1).
final class HelpDialog {
    private HelpDialog() {
    }

    static void show(Window owner) {
        Messages text = Messages.of(HelpDialog.class);
        GridPane grid = new GridPane(24, 8);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-keys");
            grid.addRow(row++, keys, new Label(text.get(s.messageKey())));
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle(text.get("help.title"));
        alert.setHeaderText(text.get("help.title"));
        alert.getDialogPane().setContent(grid);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
