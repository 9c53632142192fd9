package dev.rackside.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.AppHarness;
import dev.rackside.app.feature.inventory.GuestRow;
import dev.rackside.app.feature.tasks.TaskEntry;
import dev.rackside.app.fx.FxWait;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The whole console on the demo cluster, driven like an operator: first start, a VM started and
/// stopped from the tool bar with its tasks followed to the end, and a node going offline.
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        app = AppHarness.show(stage, Files.createTempDirectory("rackside-flow"),
                SimulatorOptions.defaults().withSize(3, 16).fast(), 1000, 760); // Headless screen is 1000 x 1000
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::close).get(10, TimeUnit.SECONDS);
    }

    /// Clicks the visible table row of `row`, as an operator clicks a row.
    private static void clickRow(FxRobot robot, GuestRow row) {
        try {
            // The rows are there before the table has laid them out: wait for the row itself.
            FxWait.until(10, () -> robot.lookup(".table-row-cell")
                    .match(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getItem() == row).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no table row shows " + row.nameProperty().get(), e);
        }
        // A refresh can recycle the row's cell between finding and clicking it: find it again, a few times.
        for (int attempt = 0; ; attempt++) {
            var cell = robot.lookup(".table-row-cell")
                    .match(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getItem() == row).tryQuery();
            if (cell.isPresent()) {
                robot.clickOn(cell.get());
                WaitForAsyncUtils.waitForFxEvents();
                if (cell.get() instanceof javafx.scene.control.TableRow<?> r && r.getItem() == row && r.isSelected()) {
                    return;
                }
            }
            if (attempt == 5) {
                throw new AssertionError("could not select the row of " + row.nameProperty().get());
            }
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        }
    }

    private void startDemo(FxRobot robot) throws Exception {
        robot.interact(() -> app.startDemo(() -> { }));
        FxWait.until(30, () -> !app.inventory().allGuests().isEmpty());
    }

    @Test
    void firstStartShowsTheDemoClusterInventory(FxRobot robot) throws Exception {
        // What an operator without a cluster does: the sidebar offers the demo. While it starts, the
        // window says so (recorded by listeners: the start may be over before a lookup could look).
        Button offer = robot.lookup("Try the demo cluster").queryAs(Button.class);
        Label empty = (Label) robot.lookup(".table-view").match(n -> n instanceof TableView<?> t && t.getPlaceholder() instanceof Label l
                && l.getText().startsWith("No cluster connected.")).queryAs(TableView.class).getPlaceholder();
        Label summary = robot.lookup(".status-bar .label").queryAs(Label.class);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            offer.textProperty().addListener((o, a, b) -> seen.add("offer: " + b + (offer.isDisabled() ? " (disabled)" : "")));
            empty.textProperty().addListener((o, a, b) -> seen.add("table: " + b));
            summary.textProperty().addListener((o, a, b) -> seen.add("status: " + b));
        });
        robot.clickOn(offer);
        FxWait.until(30, () -> !app.inventory().allGuests().isEmpty());
        assertTrue(seen.contains("table: Starting the demo cluster\u2026") && seen.contains("status: Starting the demo cluster\u2026")
                && seen.stream().anyMatch(x -> x.startsWith("offer: Starting the demo\u2026")), "while starting: " + seen);
        assertTrue(seen.indexOf("table: Starting the demo cluster\u2026") < seen.indexOf("table: Loading the inventory\u2026"),
                "then the inventory loads: " + seen);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Try the demo cluster").tryQuery().map(n -> !n.isVisible()).orElse(true),
                "the offer disappears once the demo runs");
        Label status = robot.lookup(".status-bar .label").queryAs(Label.class);
        FxWait.until(5, () -> status.getText().startsWith("Connected to"));
        TableView<?> table = robot.lookup(".table-view").match(n -> n instanceof TableView<?> t
                && !t.getItems().isEmpty() && t.getItems().getFirst() instanceof GuestRow).queryAs(TableView.class);
        assertEquals(16, table.getItems().size());

        // Ctrl+F from anywhere puts the cursor in the inventory search.
        robot.clickOn(status);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#inventory-search").query().isFocused(), "Ctrl+F focuses the search");
    }

    @Test
    void startAndStopAVmFromTheToolbarAndFollowTheTasks(FxRobot robot) throws Exception {
        startDemo(robot);
        GuestRow vm = app.inventory().allGuests().stream()
                .filter(r -> "stopped".equals(r.statusProperty().get()) && r.typeProperty().get() == dev.rackside.proxmox.model.GuestType.QEMU
                        && !r.templateProperty().get() && r.lockProperty().get().isEmpty())
                .findFirst().orElseThrow();
        clickRow(robot, vm);
        robot.clickOn("#inventory-action-start");
        try {
            FxWait.until(20, () -> !app.tasks().entries().isEmpty()
                    && app.tasks().entries().getFirst().state() == TaskEntry.State.SUCCEEDED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("start of " + vm.nameProperty().get() + " did not succeed; selection "
                    + app.inventory().selection().size() + ", tasks " + app.tasks().entries().stream()
                    .map(t -> t.title() + "=" + t.state() + " " + t.messageProperty().get()).toList(), e);
        }
        assertEquals(java.util.Optional.of("tasks"), app.shownBottom(), "the tasks tab comes forward for a new task");
        ListView<?> log = robot.lookup(".task-log").queryAs(ListView.class);
        assertTrue(log.getItems().contains("TASK OK"), "the new task is selected and its PVE log shown: " + log.getItems());
        FxWait.until(20, () -> "running".equals(vm.statusProperty().get()));

        clickRow(robot, vm);
        robot.clickOn("#inventory-action-stop");
        // Stop is destructive: the operator confirms it.
        Button confirm = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.getText().startsWith("Stop"))
                .queryAs(Button.class);
        robot.clickOn(confirm);
        FxWait.until(20, () -> "stopped".equals(vm.statusProperty().get()));
        assertEquals(2, app.tasks().entries().size());
        // The row may turn before the task poller sees the end (a regular refresh got there first).
        FxWait.until(10,
                () -> app.tasks().entries().stream().allMatch(e -> e.state() == TaskEntry.State.SUCCEEDED));
    }

    @Test
    void aNodeGoingOfflineIsShownAsOffline(FxRobot robot) throws Exception {
        startDemo(robot);
        String node = app.simulator().nodeNames().getLast();
        app.simulator().setNodeOnline(node, false);
        robot.interact(() -> app.inventory().refresh());
        FxWait.until(10, () -> app.inventory().nodes().stream()
                .anyMatch(n -> n.name().equals(node) && !n.online()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".tree-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.TreeCell<?> tc && tc.getText() != null
                        && tc.getText().contains(node) && tc.getText().toLowerCase(Locale.ROOT).contains("offline")),
                "the tree says the node is offline");
    }
}
