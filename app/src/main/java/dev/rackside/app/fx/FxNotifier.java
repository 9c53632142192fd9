package dev.rackside.app.fx;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/// Shows recoverable problems as non-modal notifications stacked in a corner, and unexpected ones
/// as a dialog with expandable details. Everything is logged as well.
public final class FxNotifier implements Notifier {
    private static final System.Logger LOG = System.getLogger("dev.rackside.app");
    private final VBox stack = new VBox(8);
    private final Messages text = Messages.of(FxNotifier.class);
    private Window owner;

    public FxNotifier() {
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setPadding(new Insets(12));
        stack.setMaxWidth(420);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
    }

    /// The overlay to put on top of the main window's content.
    public VBox overlay() {
        return stack;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void info(String message) {
        LOG.log(Level.INFO, message);
        FxBackground.onFx(() -> show(message, Styles.ACCENT, 5));
    }

    @Override
    public void warning(String message) {
        LOG.log(Level.WARNING, message);
        FxBackground.onFx(() -> show(message, Styles.WARNING, 10));
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.log(Level.ERROR, message, cause);
        FxBackground.onFx(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
            alert.setTitle(text.get("error.title"));
            alert.setHeaderText(text.get("error.header"));
            if (owner != null) {
                alert.initOwner(owner);
            }
            if (cause != null) {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                TextArea details = new TextArea(trace.toString());
                details.setEditable(false);
                details.setWrapText(false);
                details.setPrefRowCount(14);
                alert.getDialogPane().setExpandableContent(details);
            }
            alert.show();
        });
    }

    private void show(String message, String style, int seconds) {
        Notification n = new Notification(message);
        n.getStyleClass().addAll(style, Styles.ELEVATED_1);
        n.setPrefWidth(400);
        n.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        n.setOnClose(e -> stack.getChildren().remove(n));
        stack.getChildren().add(n);
        PauseTransition later = new PauseTransition(Duration.seconds(seconds));
        later.setOnFinished(e -> stack.getChildren().remove(n));
        later.play();
    }
}
