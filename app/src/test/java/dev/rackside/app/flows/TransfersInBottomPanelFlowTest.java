package dev.rackside.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.AppHarness;
import dev.rackside.app.feature.s3.SidebarEntry;
import dev.rackside.app.feature.s3.TransferRow;
import dev.rackside.app.fx.FxWait;
import dev.rackside.pvesim.SimulatorOptions;
import dev.rackside.s3.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

/// S3 transfers live in the bottom panel beside the PVE tasks: an upload started while the operator
/// looks at the inventory brings the transfers tab forward, even when the panel was hidden, and its
/// tab counts what is active.
@ExtendWith(ApplicationExtension.class)
class TransfersInBottomPanelFlowTest {
    private AppHarness app;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        home = Files.createTempDirectory("rackside-bottom");
        app = AppHarness.show(stage, home, SimulatorOptions.defaults().withSize(2, 6).fast(), 1000, 760);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::close).get(10, TimeUnit.SECONDS);
    }

    private static Tab tab(FxRobot robot, String id) {
        TabPane bottom = robot.lookup(".bottom-panel").queryAs(TabPane.class);
        return bottom.getTabs().stream().filter(t -> t.getId().equals("bottom-" + id)).findFirst().orElseThrow();
    }

    @Test
    void anUploadBringsTheTransfersTabForwardFromAnyView(FxRobot robot) throws Exception {
        robot.interact(() -> app.startDemo(() -> { }));
        FxWait.until(30, () -> app.s3().sidebar().stream()
                .anyMatch(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates")));
        SidebarEntry.Bucket templates = app.s3().sidebar().stream()
                .filter(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates"))
                .map(SidebarEntry.Bucket.class::cast).findFirst().orElseThrow();
        assertEquals("inventory", app.shell().selectedProperty().get().id());
        assertEquals(Optional.of("tasks"), app.shownBottom());
        Tab transfers = tab(robot, "transfers");
        assertEquals("Transfers", transfers.getText());
        List<String> titles = new CopyOnWriteArrayList<>();
        robot.interact(() -> transfers.textProperty().addListener((o, a, b) -> titles.add(b)));

        // The operator hides the bottom panel, then an upload starts.
        robot.clickOn(".status-bar");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), app.shownBottom(), "Ctrl+T hides the bottom panel");
        Path file = home.resolve("seed.img");
        Files.write(file, new byte[3 * 1024 * 1024]);
        robot.interact(() -> app.s3().transfers().upload(templates.session(), "templates", "bottom/", List.of(file)));

        // Rows appear once the engine has queued the files, off the UI thread.
        FxWait.until(10, () -> !app.s3().transfers().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of("transfers"), app.shownBottom(), "the transfers tab comes forward");
        @SuppressWarnings("unchecked")
        TableView<TransferRow> table = robot.lookup("#s3-transfers").queryAs(TableView.class);
        assertTrue(table.isVisible() && table.getScene() != null, "the transfers table is on screen");
        FxWait.until(30, () -> !table.getItems().isEmpty()
                && table.getItems().getFirst().stateProperty().get() == TransferState.COMPLETED);
        assertEquals("templates/bottom/seed.img", table.getItems().getFirst().object());
        FxWait.until(5, () -> "Transfers".equals(transfers.getText()));
        assertTrue(titles.contains("Transfers \u00b7 1 active"), "while it ran the tab counted it: " + titles);
        assertEquals("inventory", app.shell().selectedProperty().get().id(), "the operator stays where they were");
    }
}
