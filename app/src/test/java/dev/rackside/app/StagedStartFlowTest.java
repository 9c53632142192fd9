package dev.rackside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The app starts as RacksideApp starts it: the first frame is the window's frame (sidebar, status
/// bar) and the views fill it afterwards; the sidebar's destinations work by mouse and keyboard.
@ExtendWith(ApplicationExtension.class)
class StagedStartFlowTest {
    private AppComposition app;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        var home = Files.createTempDirectory("rackside-staged");
        app = new AppComposition(Preloaded.read(RacksideFolders.under(home)), new InMemorySecretStore(),
                SimulatorOptions.defaults().withSize(2, 4).fast());
        stage.setScene(new Scene(app.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstFrameIsTheWindowsFrameAndTheViewsFillItAfter(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-inventory").tryQuery().isPresent(), "the sidebar is in the first frame");
        assertTrue(robot.lookup(".status-bar").tryQuery().isPresent(), "the status bar is in the first frame");
        assertFalse(robot.lookup(".table-view").tryQuery().isPresent(), "no table is built for the first frame");
        assertFalse(robot.lookup(".bottom-panel").tryQuery().isPresent(), "nor the bottom panel");

        robot.interact(app.window::fill);
        assertTrue(robot.lookup("#inventory-search").tryQuery().isPresent(), "the inventory fills the window");
        assertTrue(robot.lookup(".bottom-panel").tryQuery().isPresent(), "and the bottom panel below it");
        assertEquals(1, robot.lookup("#s3-transfers").queryAll().size() + robot.lookup(".tasks-table").queryAll().size(),
                "only the selected bottom tab's table is built");
        robot.interact(app.window::fill); // a second call changes nothing
        assertEquals(1, robot.lookup("#inventory-search").queryAll().size());
    }

    @Test
    void ctrlFInTheInstantBeforeTheViewsArriveStillLandsInTheSearch(FxRobot robot) {
        robot.clickOn("#nav-s3"); // the operator is quick, and elsewhere
        assertEquals(java.util.Optional.empty(), app.window.shownBottom(), "no bottom tab is shown before the views arrive");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertEquals("inventory", app.shell.selectedProperty().get().id());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#inventory-search").query().isFocused(), "the search has the keyboard");
    }

    @Test
    void theSidebarSwitchesViewsByClickAndByArrowKeys(FxRobot robot) {
        robot.interact(app.window::fill);
        ToggleButton inventory = robot.lookup("#nav-inventory").queryAs(ToggleButton.class);
        assertTrue(inventory.isSelected());

        robot.clickOn("#nav-s3");
        assertEquals("s3", app.shell.selectedProperty().get().id());
        assertFalse(inventory.isSelected());
        robot.clickOn("#nav-s3"); // the current view stays selected on a second click
        assertTrue(robot.lookup("#nav-s3").queryAs(ToggleButton.class).isSelected());

        robot.type(KeyCode.DOWN);
        assertEquals("connections", app.shell.selectedProperty().get().id());
        robot.type(KeyCode.DOWN); // the last stays the last
        assertEquals("connections", app.shell.selectedProperty().get().id());
        robot.type(KeyCode.UP, 2);
        assertEquals("inventory", app.shell.selectedProperty().get().id());
        assertTrue(robot.lookup("#inventory-search").query().isVisible(), "the inventory is shown again");
    }
}
