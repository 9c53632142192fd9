package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;

/// Labels the S3 dialogs share, so their sections and notes look alike.
final class DialogParts {
    private DialogParts() {
    }

    /// A section title inside a dialog.
    static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    /// A small muted sentence that wraps.
    static Label note(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }
}
