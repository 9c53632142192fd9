package dev.rackside.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.AppHarness;
import dev.rackside.app.feature.s3.SidebarEntry;
import dev.rackside.app.feature.s3.TransferRow;
import dev.rackside.app.fx.FxWait;
import dev.rackside.app.settings.SettingsStore;
import dev.rackside.app.settings.TransferSettings;
import dev.rackside.pvesim.SimulatorOptions;
import dev.rackside.s3.TransferState;
import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/// The operator caps uploads from the transfers panel: the cap is what the demo endpoint's real
/// uploads then obey, it is in settings.json for the next start, and a weekly window added in the
/// same dialog shows in its table.
@ExtendWith(ApplicationExtension.class)
class TransferLimitsFlowTest {
    private static final long MIB = 1024 * 1024;
    private AppHarness app;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        home = Files.createTempDirectory("rackside-limits");
        app = AppHarness.show(stage, home, SimulatorOptions.defaults().withSize(2, 6).fast(), 1000, 760);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUploadCapSetInTheDialogSlowsRealUploadsAndIsSaved(FxRobot robot) throws Exception {
        robot.interact(() -> app.startDemo(() -> { }));
        FxWait.until(30, () -> app.s3().sidebar().stream()
                .anyMatch(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates")));
        robot.interact(() -> app.showBottom("transfers"));
        Button open = robot.lookup("#s3-transfer-limits").queryButton();
        assertEquals("No bandwidth limits", open.getText());

        robot.clickOn(open);
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isPresent());
        robot.clickOn("#limits-upload").write("2");
        // a weekly window, added from the keyboard-reachable form: Saturday and Sunday only
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            robot.clickOn("#limits-day-" + day);
        }
        robot.doubleClickOn("#limits-window-download").write("50");
        // Enter in the window's fields adds the window; it does not apply (and close) the dialog.
        robot.type(KeyCode.ENTER);
        assertTrue(robot.lookup("#limits-upload").tryQuery().isPresent(), "the dialog stays open");
        // A number typed in the parallel-transfers field counts without Enter.
        robot.doubleClickOn("#limits-concurrency .text-field").eraseText(2).write("12");
        @SuppressWarnings("unchecked")
        TableView<TransferSettings.Window> windows = robot.lookup("#limits-windows").queryAs(TableView.class);
        assertEquals(1, windows.getItems().size());
        assertTrue(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "Sat, Sun \u00b7 08:00\u201318:00".equals(l.getText())).tryQuery().isPresent(), "the window's row");
        robot.clickOn("Apply");
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(open.getText().contains("\u2191 2 MiB/s"), open.getText());

        // Saved at once, not only when the window closes.
        TransferSettings saved = new SettingsStore(RacksideFolders.under(home)).load().settings().transfers();
        assertEquals(2 * MIB, saved.uploadLimit());
        assertEquals(12, saved.concurrency());
        assertTrue(saved.scheduleOn());
        assertEquals(50 * MIB, saved.windows().getFirst().download());

        // A real 5 MiB upload to the demo endpoint now takes about 2.5 s.
        SidebarEntry.Bucket templates = app.s3().sidebar().stream()
                .filter(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates"))
                .map(SidebarEntry.Bucket.class::cast).findFirst().orElseThrow();
        Path file = home.resolve("capped.img");
        Files.write(file, new byte[5 * 1024 * 1024]);
        long start = System.nanoTime();
        robot.interact(() -> app.s3().transfers().upload(templates.session(), "templates", "limits/", List.of(file)));
        FxWait.until(30, () -> app.s3().transfers().rows().stream()
                .anyMatch(r -> r.stateProperty().get().finished()));
        double seconds = (System.nanoTime() - start) / 1e9;
        TransferRow row = app.s3().transfers().rows().getFirst();
        assertEquals(TransferState.COMPLETED, row.stateProperty().get(), row.problemProperty().get());
        assertTrue(seconds > 2.2, "5 MiB at 2 MiB/s took only " + seconds + " s");

        // Cancel drops what was typed.
        robot.clickOn(open);
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isPresent());
        robot.doubleClickOn("#limits-upload").write("abc");
        assertTrue(robot.lookup("#limits-problem").queryAs(Label.class).getText().startsWith("Enter a limit"));
        robot.type(KeyCode.ESCAPE);
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isEmpty());
        assertEquals("2", app.transferSettings().upload.get());
        assertEquals(2 * MIB, new SettingsStore(RacksideFolders.under(home)).load().settings().transfers().uploadLimit());

        // A cleared parallel-transfers field goes back to its value instead of counting as 0 (and then 8).
        robot.clickOn(open);
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isPresent());
        robot.doubleClickOn("#limits-concurrency .text-field").eraseText(3);
        robot.clickOn("Apply");
        FxWait.until(5, () -> robot.lookup("#limits-upload").tryQuery().isEmpty());
        assertEquals(12, new SettingsStore(RacksideFolders.under(home)).load().settings().transfers().concurrency());
    }
}
