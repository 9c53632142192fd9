package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.FxWait;
import dev.rackside.s3.IncompleteUpload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The bucket's context menu, Incomplete uploads…, one upload another tool left behind: selected,
/// Continue from file… with the file it came from, and it completes in the transfers panel.
@ExtendWith(ApplicationExtension.class)
class IncompleteUploadsFlowTest {
    private BrowserOnDemo browser;
    private DemoS3 demo;
    private S3BrowserViewModel vm;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        demo = S3Fixture.demo();
        file = S3Fixture.file(Files.createTempDirectory("rackside-adopt"), "netinst.iso", 12 * 1024 * 1024, 31);
        S3Fixture.leaveBehind(demo, file, "iso-images", "debian/netinst.iso");
        FolderPicker picker = new FolderPicker() {
            @Override
            public Optional<Path> pickFolder(String title) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> pickFile(String title) {
                return Optional.of(file);
            }
        };
        browser = new BrowserOnDemo(stage, demo, picker);
        vm = browser.vm;
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void anotherToolsUploadIsContinuedFromItsFile(FxRobot robot) throws Exception {
        FxWait.until(10, () -> !bucketCells(robot).isEmpty());
        robot.clickOn(bucketCells(robot).getFirst(), MouseButton.SECONDARY);
        robot.clickOn("Incomplete uploads…");
        FxWait.until(10, () -> !robot.lookup(".table-row-cell").match(this::theUpload).queryAll().isEmpty());
        Button adopt = robot.lookup("#s3-uploads-adopt").queryButton();
        assertTrue(adopt.isDisabled(), "nothing selected yet");

        robot.clickOn(robot.lookup(".table-row-cell").match(this::theUpload).<TableRow<?>>query());
        FxWait.until(5, () -> !adopt.isDisabled());
        robot.clickOn(adopt);

        FxWait.until(60, () -> vm.transfers().rows().stream().anyMatch(r -> r.object().equals("iso-images/debian/netinst.iso")
                && r.stateProperty().get() == dev.rackside.s3.TransferState.COMPLETED));
        assertTrue(demo.engine().incompleteUploads("iso-images", "").isEmpty(), "that upload was completed");
        Path back = Files.createTempFile("back", ".iso");
        demo.engine().transfers().download("iso-images", "debian/netinst.iso", back).await();
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(back));
        robot.clickOn("Close");
    }

    private boolean theUpload(javafx.scene.Node n) {
        return n instanceof TableRow<?> r && r.getItem() instanceof IncompleteUpload u && u.key().equals("debian/netinst.iso");
    }

    private static List<javafx.scene.Node> bucketCells(FxRobot robot) {
        return List.copyOf(robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry.Bucket b
                && b.name().equals("iso-images")).queryAll());
    }
}
