package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rackside.app.fx.FxWait;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Properties dialog on the demo's S3 server: add a metadata entry, save, open it again.
@ExtendWith(ApplicationExtension.class)
class S3PropertiesFlowTest {
    private BrowserOnDemo browser;

    @Start
    void start(Stage stage) {
        browser = new BrowserOnDemo(stage, S3Fixture.demo(), title -> Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    private void openProperties(FxRobot robot, String name) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ObjectRow> table = robot.lookup("#" + ObjectTable.ID).queryAs(TableView.class);
        FxWait.until(10, () -> table.getItems().stream().anyMatch(r -> r.name().equals(name)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() instanceof ObjectRow o
                && o.name().equals(name)).<TableRow<?>>query());
        robot.clickOn("#s3-more");
        robot.clickOn("Properties…");
        FxWait.until(10, () -> robot.lookup("#s3-props-content-type").tryQuery()
                .map(n -> !((TextField) n).getText().isEmpty()).orElse(false));
    }

    @Test
    void addAMetadataEntrySaveAndSeeItAgain(FxRobot robot) throws Exception {
        FxWait.until(10, () -> !robot.lookup(".list-cell").match(
                n -> n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry.Bucket b && b.name().equals("iso-images"))
                .queryAll().isEmpty());
        robot.clickOn(robot.lookup(".list-cell").match(
                n -> n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry.Bucket b && b.name().equals("iso-images"))
                .<ListCell<?>>query());
        openProperties(robot, "README.txt");
        // S3Proxy has no tagging: the dialog says so and still edits the metadata
        FxWait.until(10, () -> robot.lookup("#s3-props-tags-note").queryLabeled().getText()
                .equals("This server does not support object tags."));

        robot.clickOn("#s3-props-add-metadata");
        robot.clickOn("#s3-meta-name-0").write("owner");
        robot.clickOn("#s3-meta-value-0").write("lab-team");
        robot.clickOn("Save");
        FxWait.until(10, () -> robot.lookup("#s3-props-content-type").tryQuery().isEmpty());
        assertEquals(Map.of("owner", "lab-team"), browser.demo.engine().head("iso-images", "README.txt").userMetadata());

        openProperties(robot, "README.txt");
        assertEquals("owner", robot.lookup("#s3-meta-name-0").queryAs(TextField.class).getText());
        assertEquals("lab-team", robot.lookup("#s3-meta-value-0").queryAs(TextField.class).getText());
        robot.clickOn("Cancel");
    }
}
