package dev.rackside.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.AppHarness;
import dev.rackside.app.feature.s3.ObjectRow;
import dev.rackside.app.feature.s3.SidebarEntry;
import dev.rackside.app.fx.FxWait;
import dev.rackside.pvesim.SimulatorOptions;
import dev.rackside.s3.Encryption;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The S3 browser in the whole window, from the keyboard: the window's Ctrl+F and F5 act on the
/// S3 folder shown (not on the inventory), the bucket list can be walked with the arrow keys,
/// and folders are entered and left without the mouse.
@ExtendWith(ApplicationExtension.class)
class S3KeyboardFlowTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        app = AppHarness.show(stage, Files.createTempDirectory("rackside-s3-keys"),
                SimulatorOptions.defaults().withSize(2, 6).fast(), 1000, 760);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::close).get(10, TimeUnit.SECONDS);
    }

    private static void chord(FxRobot robot, KeyCode modifier, KeyCode key) {
        robot.press(modifier).type(key).release(modifier);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean focused(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.getScene().getFocusOwner() == n;
    }

    @Test
    void searchRefreshAndFoldersWorkFromTheKeyboard(FxRobot robot) throws Exception {
        robot.interact(() -> app.startDemo(() -> { }));
        FxWait.until(30, () -> app.s3().sidebar().stream()
                .anyMatch(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("iso-images")));
        chord(robot, KeyCode.CONTROL, KeyCode.DIGIT2); // the second view in the sidebar: S3 storage
        FxWait.until(10, () -> robot.lookup("#s3-sidebar").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<SidebarEntry> sidebar = robot.lookup("#s3-sidebar").queryAs(ListView.class);

        // The arrow keys walk the buckets: each opens, and the focus stays in the list.
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> c
                && c.getItem() instanceof SidebarEntry.Bucket b && b.name().equals("iso-images")).<Node>query());
        FxWait.until(5, () -> "iso-images".equals(app.s3().bucketProperty().get()));
        assertTrue(focused(robot, "#s3-objects"), "a click on a bucket goes to its objects");
        robot.interact(sidebar::requestFocus); // back to the list, as Shift+Tab would
        robot.type(KeyCode.DOWN);
        FxWait.until(5, () -> !"iso-images".equals(app.s3().bucketProperty().get()));
        assertTrue(focused(robot, "#s3-sidebar"), "the bucket list keeps the focus");
        robot.type(KeyCode.UP);
        FxWait.until(5, () -> "iso-images".equals(app.s3().bucketProperty().get()));
        robot.type(KeyCode.ENTER);
        assertTrue(focused(robot, "#s3-objects"), "Enter goes to the bucket's objects");

        // Ctrl+F in the S3 view is the folder's search, not the inventory's.
        chord(robot, KeyCode.CONTROL, KeyCode.F);
        assertTrue(focused(robot, "#s3-search"), "Ctrl+F focuses the S3 search");
        assertEquals("S3 storage", app.shell().selectedProperty().get().title(), "and stays in the S3 view");
        robot.write("alpine-virt").type(KeyCode.ENTER);
        FxWait.until(5, () -> "alpine-virt".equals(app.s3().queryProperty().get()));
        robot.type(KeyCode.ESCAPE);
        FxWait.until(5, () -> app.s3().queryProperty().get().isEmpty());
        assertTrue(focused(robot, "#s3-objects"), "Escape clears the search and returns to the objects");

        // F5 lists the folder again: an object stored behind the browser's back shows up.
        FxWait.until(10, () -> app.s3().rows().stream().anyMatch(r -> r.name().equals("alpine/")));
        app.s3().sessionProperty().get().engine().putBytes("iso-images", "added-elsewhere.txt", "x".getBytes(),
                "text/plain", Encryption.none());
        assertFalse(app.s3().rows().stream().anyMatch(r -> r.name().equals("added-elsewhere.txt")));
        robot.type(KeyCode.F5);
        FxWait.until(10, () -> app.s3().rows().stream().anyMatch(r -> r.name().equals("added-elsewhere.txt")));

        // Into a folder with Enter, and out again with Alt+Up.
        @SuppressWarnings("unchecked")
        TableView<ObjectRow> table = robot.lookup("#s3-objects").queryAs(TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.name().equals("alpine/")).findFirst().orElseThrow());
        });
        // F2 renames the one item selected: the dialog opens on its key; Escape leaves it.
        robot.type(KeyCode.F2);
        FxWait.until(5, () -> robot.lookup("#s3-target-key").tryQuery().isPresent());
        assertEquals("alpine/", robot.lookup("#s3-target-key").queryAs(javafx.scene.control.TextField.class).getText());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(5, () -> robot.lookup("#s3-target-key").tryQuery().isEmpty());
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        FxWait.until(5, () -> "alpine/".equals(app.s3().prefixProperty().get()));
        chord(robot, KeyCode.ALT, KeyCode.UP);
        FxWait.until(5, () -> app.s3().prefixProperty().get().isEmpty());
    }
}
