package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.FxWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The S3 browser on the demo's S3 server: drop a folder into a bucket, watch it upload, browse
/// into it, download it back and find it identical.
@ExtendWith(ApplicationExtension.class)
class S3BrowserViewFlowTest {
    @TempDir
    Path tmp;
    private BrowserOnDemo browser;
    private S3BrowserViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        // Headless has no folder dialog: downloads go to a fixed folder
        browser = new BrowserOnDemo(stage, S3Fixture.demo(), title -> Optional.of(tmp.resolve("downloads")));
        vm = browser.vm;
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ObjectRow> objects(FxRobot robot) {
        return robot.lookup("#" + ObjectTable.ID).queryAs(TableView.class);
    }

    private TableRow<?> row(FxRobot robot, String name) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() instanceof ObjectRow o
                && o.name().equals(name)).query();
    }

    private void waitForTransfers() throws Exception {
        FxWait.until(60, () -> !vm.transfers().rows().isEmpty()
                && vm.transfers().rows().stream().allMatch(r -> r.stateProperty().get().finished()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dropAFolderUploadBrowseAndDownloadItBack(FxRobot robot) throws Exception {
        Path folder = tmp.resolve("desktop/lab-seed");
        S3Fixture.file(folder, "user-data.yaml", 3_000, 11);
        S3Fixture.file(folder, "vendor/network-config.yaml", 1_500, 12);
        S3Fixture.file(folder, "images/seed.img", 700_000, 13);

        FxWait.until(10, () -> !robot.lookup(".list-cell").match(
                n -> n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry.Bucket b && b.name().equals("templates"))
                .queryAll().isEmpty());
        robot.clickOn(robot.lookup(".list-cell").match(
                n -> n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry.Bucket b && b.name().equals("templates"))
                .<ListCell<?>>query());
        TableView<ObjectRow> table = objects(robot);
        FxWait.until(10, () -> table.getItems().stream().anyMatch(r -> r.name().equals("lxc/")));

        // TestFX cannot drag from the desktop on the Headless platform, and a Dragboard cannot be made
        // outside JavaFX's internals, so the test calls the very method the table's DRAG_DROPPED handler calls.
        robot.interact(() -> browser.view().dropFiles(List.of(folder), null));
        waitForTransfers();
        assertEquals(3, vm.transfers().rows().size());
        assertTrue(vm.transfers().rows().stream().allMatch(r -> r.stateProperty().get() == TransferState.COMPLETED));
        assertEquals(1.0, vm.transfers().totalProgressProperty().get());
        FxWait.until(10, () -> table.getItems().stream().anyMatch(r -> r.name().equals("lab-seed/")));

        robot.doubleClickOn(row(robot, "lab-seed/"));
        try {
            FxWait.until(10, () -> table.getItems().size() == 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("prefix=" + vm.prefixProperty().get() + " items=" + table.getItems(), e);
        }
        assertEquals(List.of("images/", "user-data.yaml", "vendor/"),
                table.getItems().stream().map(ObjectRow::name).sorted().toList());
        robot.clickOn(row(robot, "user-data.yaml"));
        FxWait.until(10, () -> table.getItems().stream()
                .filter(r -> r.name().equals("user-data.yaml")).allMatch(r -> r.checksumProperty().get() == ChecksumState.SHA256));

        robot.type(KeyCode.BACK_SPACE);
        FxWait.until(10, () -> vm.prefixProperty().get().isEmpty()
                && table.getItems().stream().anyMatch(r -> r.name().equals("lab-seed/")));
        robot.clickOn(row(robot, "lab-seed/"));
        robot.interact(() -> vm.transfers().clearFinished());
        Files.createDirectories(tmp.resolve("downloads"));
        robot.clickOn("#s3-download");
        waitForTransfers();
        assertEquals(S3Fixture.digests(folder), S3Fixture.digests(tmp.resolve("downloads/lab-seed")));
    }

    @Test
    void ctrlUUploadsChosenFilesAndOneItemActionsWantOneItem(FxRobot robot) throws Exception {
        Path chosen = S3Fixture.file(tmp.resolve("desktop"), "notes.txt", 1_200, 21);
        Path other = S3Fixture.file(tmp.resolve("desktop"), "more-notes.txt", 900, 22);
        // A picker that "chooses" two files, as the platform's file dialog would.
        robot.interact(() -> browser.usePicker(new FolderPicker() {
            @Override
            public Optional<Path> pickFolder(String title) {
                return Optional.empty();
            }

            @Override
            public List<Path> pickFiles(String title) {
                return List.of(chosen, other);
            }
        }));
        FxWait.until(10, () -> vm.sidebar().stream().anyMatch(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates")));
        robot.interact(() -> vm.sidebar().stream().filter(e -> e instanceof SidebarEntry.Bucket b && b.name().equals("templates"))
                .findFirst().ifPresent(e -> browser.view().sidebarList().getSelectionModel().select(e)));
        TableView<ObjectRow> table = objects(robot);
        FxWait.until(10, () -> table.getItems().stream().anyMatch(r -> r.name().equals("lxc/")));

        robot.clickOn(table);
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitForTransfers();
        assertEquals(2, vm.transfers().rows().size());
        FxWait.until(10, () -> table.getItems().stream().map(ObjectRow::name).toList().containsAll(List.of("notes.txt", "more-notes.txt")));

        // A reload (here after the upload) puts the same objects back selected.
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> r.name().equals("notes.txt")).findFirst().ifPresent(table.getSelectionModel()::select);
            vm.reload();
        });
        FxWait.until(10, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("notes.txt"), table.getSelectionModel().getSelectedItems().stream().map(ObjectRow::name).toList());
        assertTrue(table.getSelectionModel().getSelectedItem() != null
                && table.getItems().contains(table.getSelectionModel().getSelectedItem()), "a row of the new listing");

        // Rename and the per-object views offer themselves for exactly one item; copy (into a folder) for any.
        javafx.scene.control.MenuButton more = robot.lookup("#s3-more").queryAs(javafx.scene.control.MenuButton.class);
        java.util.function.Function<String, Boolean> disabled = label -> more.getItems().stream()
                .filter(i -> label.equals(i.getText())).findFirst().orElseThrow(() -> new AssertionError(label)).isDisable();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> r.name().equals("notes.txt")).findFirst().ifPresent(table.getSelectionModel()::select);
        });
        assertEquals(List.of(false, false, false, false), List.of(disabled.apply("Copy to\u2026"), disabled.apply("Rename\u2026"),
                disabled.apply("Properties\u2026"), disabled.apply("Download\u2026")));
        robot.interact(() -> table.getItems().stream().filter(r -> r.name().equals("more-notes.txt")).findFirst()
                .ifPresent(table.getSelectionModel()::select));
        assertEquals(2, table.getSelectionModel().getSelectedItems().size());
        assertEquals(List.of(false, false, true, true, false), List.of(disabled.apply("Copy to\u2026"), disabled.apply("Move to\u2026"),
                disabled.apply("Rename\u2026"), disabled.apply("Properties\u2026"), disabled.apply("Download\u2026")));
    }

    @Test
    void aNewBucketsNameIsCheckedAsItIsTypedAndItsRegionSent(FxRobot robot) throws Exception {
        FxWait.until(10, () -> vm.sidebar().stream().anyMatch(e -> e instanceof SidebarEntry.Bucket));
        robot.clickOn("New bucket\u2026");
        FxWait.until(5, () -> robot.lookup("#s3-bucket-name").tryQuery().isPresent());
        javafx.scene.control.Button create = robot.lookup(".dialog-pane .button").match(
                n -> n instanceof javafx.scene.control.Button b && "Create".equals(b.getText())).queryButton();
        assertTrue(create.isDisabled(), "nothing typed yet");
        robot.clickOn("#s3-bucket-name").write("Lab Images");
        assertTrue(create.isDisabled());
        assertTrue(robot.lookup(".dialog-pane .label").match(n -> n instanceof javafx.scene.control.Label l
                && "Only lower-case letters, digits, dots and hyphens.".equals(l.getText())).tryQuery().isPresent());
        robot.doubleClickOn("#s3-bucket-name").eraseText(10).write("lab-images");
        assertTrue(!create.isDisabled(), "a valid name can be created");
        robot.doubleClickOn("#s3-bucket-region .text-field").eraseText(20).write("lab-east");
        robot.clickOn(create);
        FxWait.until(10, () -> "lab-images".equals(vm.bucketProperty().get()));
        assertTrue(browser.demo.engine().bucketExists("lab-images"));
    }
}
