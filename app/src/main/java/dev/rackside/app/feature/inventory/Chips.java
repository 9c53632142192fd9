package dev.rackside.app.feature.inventory;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/// Small visual pieces shared by the table, tree and details: tag chips and status labels.
final class Chips {
    private static final int PALETTE = 8;

    private Chips() {
    }

    /// The chart colour (1-8) of a tag: derived from the text alone, so a tag has the same colour on
    /// every row, in every session and on every machine.
    static int colourOf(String tag) {
        return Math.floorMod(tag.hashCode(), PALETTE) + 1;
    }

    static Label tag(String tag) {
        Label l = new Label(tag);
        int c = colourOf(tag);
        // AtlantaFX's chart colours exist in light and dark themes with matching contrast; the app has
        // no tag style class to reuse, so the chip sets its looked-up colours directly.
        l.setStyle("-fx-background-color: -color-chart-" + c + "-alpha20; -fx-border-color: -color-chart-" + c
                + "; -fx-text-fill: -color-fg-default; -fx-background-radius: 8; -fx-border-radius: 8;"
                + " -fx-padding: 0 6 0 6;");
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }

    static HBox tags(List<String> tags) {
        HBox box = new HBox(4);
        tags.forEach(t -> box.getChildren().add(tag(t)));
        return box;
    }

    /// A dot and PVE's status word, coloured by meaning (running, paused, stopped, unknown).
    static void status(Label label, String status, Messages m) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        label.getStyleClass().add(switch (status) {
            case "running", "online", "available" -> Styles.SUCCESS;
            case "paused", "suspended", "prelaunch" -> Styles.WARNING;
            case "stopped" -> Styles.TEXT_MUTED;
            default -> Styles.DANGER;
        });
        String key = "status." + status;
        String text = m.get(key);
        label.setText("\u25CF " + (text.startsWith("!") ? status : text));
    }
}
