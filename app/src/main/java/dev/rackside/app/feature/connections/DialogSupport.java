package dev.rackside.app.feature.connections;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Font;
import javafx.stage.Window;

/// Small building blocks the connection dialogs share.
final class DialogSupport {
    private DialogSupport() {
    }

    static Label monospace(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("monospace");
        // Works before (and without) the app's stylesheet: fingerprints must line up column by column.
        l.setFont(Font.font("Monospaced", l.getFont().getSize()));
        l.setWrapText(false);
        return l;
    }

    static Label wrapped(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.getStyleClass().addAll(styles);
        return l;
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a caption never shrinks to "…"
        return l;
    }

    /// A two-column form: captions left, values right.
    static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        return g;
    }

    static void initOwner(javafx.scene.control.Dialog<?> d, Window owner) {
        if (owner != null) {
            d.initOwner(owner);
        }
    }
}
