package dev.rackside.app.feature.s3.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.feature.s3.S3BrowserView;
import dev.rackside.app.feature.s3.S3BrowserViewModel;
import dev.rackside.app.feature.s3.S3Session;
import dev.rackside.app.feature.s3.SidebarEntry;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.app.fx.FxWait;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.RecordingNotifier;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Credentials;
import dev.rackside.s3.profiles.ProviderPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
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

/// Add an endpoint pointing at the demo's S3 server, test it, save it and browse its buckets; then
/// a wrong secret key gets the bad-key diagnosis.
@ExtendWith(ApplicationExtension.class)
class EndpointsViewFlowTest {
    static final Messages OUTCOMES = Messages.of(EndpointsViewModel.class);

    @TempDir
    Path tmp;
    private DemoS3 demo;
    private FxBackground background;
    private S3BrowserViewModel browser;
    private EndpointsViewModel endpoints;
    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private final ObservableList<S3Session> sessions = FXCollections.observableArrayList();
    private final RecordingNotifier notifier = new RecordingNotifier();

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        demo = DemoS3.start("Demo S3", EngineOptions.defaults());
        background = new FxBackground();
        sessions.add(new S3Session(DemoS3.SESSION_ID, "Demo S3", demo.engine()));
        browser = new S3BrowserViewModel(sessions, background, notifier, FxBackground::onFx);
        endpoints = new EndpointsViewModel(tmp.resolve("config/s3-endpoints.json"), keychain, sessions, background, notifier,
                p -> EngineOptions.defaults(), List::of);
        endpoints.loadSaved();
        S3BrowserView view = EndpointsView.attach(new S3BrowserView(browser, title -> Optional.of(tmp)), endpoints);
        stage.setScene(new Scene((Parent) view.root(), 1000, 700)); // within the Headless screen (1000 x 1000)
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> endpoints.close()).get();
        browser.transfers().close();
        background.close();
        demo.close();
    }

    private static void waitUntilShowing(FxRobot robot, String id) throws Exception {
        FxWait.until(10, () -> robot.lookup("#" + id).tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class);
    }

    @Test
    void theSidebarMenuHasTheBucketsAndTheEndpointsCommands(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<SidebarEntry> sidebar = robot.lookup("#" + S3BrowserView.SIDEBAR_ID)
                .queryAs(javafx.scene.control.ListView.class);
        List<String> items = sidebar.getContextMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText)
                .filter(t -> t != null).toList();
        assertTrue(items.containsAll(List.of("Incomplete uploads\u2026", "Delete bucket", "Edit\u2026", "Test connection")),
                items.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void addTestSaveBrowseThenAWrongSecretIsABadKey(FxRobot robot) throws Exception {
        var keys = (S3Credentials.StaticKeys) demo.endpoint().credentials();
        String url = demo.endpoint().endpoint().orElseThrow().toString();

        robot.clickOn("#" + EndpointsView.ADD_ID);
        waitUntilShowing(robot, EndpointDialog.NAME_ID);
        robot.clickOn("#" + EndpointDialog.NAME_ID).write("Lab MinIO");
        robot.interact(() -> {
            robot.lookup("#" + EndpointDialog.PRESET_ID).queryAs(ComboBox.class).setValue(ProviderPreset.MINIO);
            text(robot, EndpointDialog.URL_ID).setText(url);
            text(robot, EndpointDialog.ACCESS_KEY_ID).setText(keys.accessKeyId());
            text(robot, EndpointDialog.SECRET_ID).setText(keys.secretAccessKey().reveal());
        });
        assertTrue(robot.lookup("#" + EndpointDialog.PATH_STYLE_ID).queryAs(javafx.scene.control.CheckBox.class).isSelected(),
                "MinIO's preset turns path-style on");

        robot.clickOn("#" + EndpointDialog.TEST_ID);
        Label diagnosis = robot.lookup("#" + EndpointDialog.DIAGNOSIS_ID).queryAs(Label.class);
        FxWait.until(20, () -> diagnosis.getText().startsWith(OUTCOMES.get("outcome.OK")));

        robot.type(KeyCode.ENTER); // Enter saves, also with the focus still on the Test button
        ListView<SidebarEntry> sidebar = robot.lookup("#" + S3BrowserView.SIDEBAR_ID).queryAs(ListView.class);
        try {
            FxWait.until(20, () -> sidebar.getItems().stream()
                    .anyMatch(e -> e instanceof SidebarEntry.Bucket b && b.session().name().equals("Lab MinIO") && b.name().equals("vm-backups")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("sidebar " + sidebar.getItems() + ", warnings " + notifier.warnings + ", errors " + notifier.errors
                    + ", diagnosis " + diagnosis.getText() + ", sessions " + sessions + ", profiles " + endpoints.profiles() + ", dialog showing " + robot.lookup("#" + EndpointDialog.SAVE_ID)
                    .tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()), e);
        }
        assertEquals(List.of("Demo S3", "Lab MinIO"), sidebar.getItems().stream()
                .filter(e -> e instanceof SidebarEntry.Endpoint).map(e -> e.session().name()).toList());
        String json = Files.readString(tmp.resolve("config/s3-endpoints.json"));
        assertTrue(json.contains(keys.accessKeyId()) && !json.contains(keys.secretAccessKey().reveal()), json);
        assertEquals(keys.secretAccessKey().reveal(), keychain.load(endpoints.profiles().getFirst().id()).orElseThrow().reveal());

        // Edit it from the sidebar's Endpoint menu and try a wrong secret key.
        robot.interact(() -> sidebar.getSelectionModel().select(sidebar.getItems().stream()
                .filter(e -> e instanceof SidebarEntry.Endpoint && e.session().name().equals("Lab MinIO")).findFirst().orElseThrow()));
        MenuButton menu = robot.lookup("#" + EndpointsView.MENU_ID).queryAs(MenuButton.class);
        var edit = menu.getItems().stream().filter(i -> "s3-endpoint-edit".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(!edit.isDisable(), "a saved endpoint can be edited");
        Platform.runLater(edit::fire); // the dialog waits in a nested event loop: do not wait for it here
        waitUntilShowing(robot, EndpointDialog.SECRET_ID);
        assertEquals("Lab MinIO", text(robot, EndpointDialog.NAME_ID).getText());
        robot.clickOn("#" + EndpointDialog.SECRET_ID).write("not-the-secret-key");
        robot.clickOn("#" + EndpointDialog.TEST_ID);
        Label again = robot.lookup("#" + EndpointDialog.DIAGNOSIS_ID).queryAs(Label.class);
        FxWait.until(20, () -> again.getText().startsWith(OUTCOMES.get("outcome.BAD_KEY")));
        assertTrue(again.getText().contains("The secret key does not match the access key"), again.getText());
        assertTrue(again.getStyleClass().contains(atlantafx.base.theme.Styles.DANGER));

        robot.type(KeyCode.ESCAPE); // Esc cancels: nothing changes
        FxWait.until(10, () -> robot.lookup("#" + EndpointDialog.SECRET_ID).tryQuery()
                .map(Node::getScene).map(s -> s.getWindow() == null || !s.getWindow().isShowing()).orElse(true));
        assertEquals(keys.secretAccessKey().reveal(), keychain.load(endpoints.profiles().getFirst().id()).orElseThrow().reveal());
    }
}
