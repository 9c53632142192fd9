package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.app.fx.FxWait;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestType;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The inventory view on a small simulated cluster: rows, search, and starting a VM from the toolbar.
@ExtendWith(ApplicationExtension.class)
class InventoryViewFlowTest {
    private InventorySim sim;
    private FxBackground background;
    private InventoryView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        sim = new InventorySim(3, 12);
        background = new FxBackground();
        view = new InventoryView(sim.viewModel(background), p -> {
            throw new AssertionError("starting a VM must not ask for confirmation");
        });
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1000, 800)); // within the Headless screen (1000 x 1000)
        stage.show();
        view.activate();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(view::deactivate).get();
        background.close();
        sim.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<GuestRow> table(FxRobot robot) {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    @Test
    void searchSelectStartAndSeeItRunning(FxRobot robot) throws Exception {
        int total = sim.guests().size();
        TableView<GuestRow> table = table(robot);
        FxWait.until(10, () -> table.getItems().size() == total);

        ClusterResource.Guest stopped = sim.guest(g -> g.guestType() == GuestType.QEMU && "stopped".equals(g.status()));
        robot.clickOn("#inventory-search").write(stopped.name());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().size() < total, "the search narrowed the table");
        assertTrue(table.getItems().stream().allMatch(r -> r.nameProperty().get().contains(stopped.name())));
        GuestRow row = table.getItems().stream().filter(r -> r.vmid() == stopped.vmid()).findFirst().orElseThrow();

        Button startButton = robot.lookup("#inventory-action-start").queryButton();
        assertTrue(startButton.isDisabled(), "nothing selected yet");
        TableRow<?> tableRow = robot.lookup(".table-row-cell").match(n -> ((TableRow<?>) n).getItem() == row).query();
        robot.clickOn(tableRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(startButton.isDisabled());
        robot.clickOn(startButton);

        FxWait.until(10, () -> sim.tracker.followed.size() == 1);
        var followed = sim.tracker.followed.getFirst();
        assertEquals(String.valueOf(stopped.vmid()), followed.upid().id());
        assertTrue(sim.await(followed.upid()).succeeded());

        robot.interact(sim.scheduler::tick);
        FxWait.until(10, () -> "running".equals(row.status()));
        WaitForAsyncUtils.waitForFxEvents();
        String running = Messages.of(InventoryView.class).get("status.running");
        assertTrue(robot.from(tableRow).lookup(".label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains(running)), "the status cell shows " + running);
        assertTrue(sim.notifier.warnings.isEmpty(), sim.notifier.warnings.toString());
    }
}
