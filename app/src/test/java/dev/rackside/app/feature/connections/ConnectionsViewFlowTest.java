package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.FxWait;
import dev.rackside.app.fx.RecordingNotifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.app.settings.SecretStores;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Add a cluster, test it, save it, connect, trust its certificate: the first-run path.
@ExtendWith(ApplicationExtension.class)
class ConnectionsViewFlowTest {
    private SimulatedCluster pve;
    private Sessions sessions;
    private FxBackground background;
    private ConnectionsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 2).fast());
        sessions = new Sessions();
        background = new FxBackground();
        ProfileStore store = new ProfileStore(RacksideFolders.under(Files.createTempDirectory("rackside-flow")));
        vm = new ConnectionsViewModel(store, SecretStores.unavailable("test machine"), sessions, background, new RecordingNotifier());
        ConnectionsView view = new ConnectionsView(vm);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 800, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> sessions.closeAll());
        background.close();
        pve.close();
    }

    @Test
    void addTestSaveConnectTrust(FxRobot robot) throws Exception {
        robot.clickOn("#" + ConnectionsView.ADD_ID);
        robot.interact(() -> {
            robot.lookup("#" + ConnectionDialog.HOST_ID).queryAs(TextField.class).setText(pve.host());
            robot.lookup("#" + ConnectionDialog.PORT_ID).queryAs(TextField.class).setText(String.valueOf(pve.port()));
            robot.lookup("#" + ConnectionDialog.TOKEN_ID_ID).queryAs(TextField.class).setText(SimulatedCluster.TOKEN_ID);
            robot.lookup("#" + ConnectionDialog.SECRET_ID).queryAs(TextField.class).setText(pve.apiTokenSecret());
        });
        CheckBox remember = robot.lookup("#conn-remember").queryAs(CheckBox.class);
        assertTrue(remember.isDisabled() && !remember.isSelected(), "no keychain: remembering is not offered");

        robot.clickOn("#" + ConnectionDialog.TEST_ID);
        Label diagnosis = robot.lookup("#" + ConnectionDialog.DIAGNOSIS_ID).queryAs(Label.class);
        // Not trusted yet: Test names the certificate and sends nothing; Connect will ask.
        FxWait.until(15, () -> diagnosis.getText().contains(pve.fingerprint()));

        robot.clickOn("#" + ConnectionDialog.SAVE_ID);
        ListView<?> list = robot.lookup("#" + ConnectionsView.LIST_ID).queryAs(ListView.class);
        FxWait.until(10, () -> list.getItems().size() == 1);

        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#" + ConnectionsView.CONNECT_ID);
        FxWait.until(15,
                () -> robot.lookup("#" + TrustCertificateDialog.FINGERPRINT_ID).tryQuery().isPresent());
        Label fingerprint = robot.lookup("#" + TrustCertificateDialog.FINGERPRINT_ID).queryAs(Label.class);
        assertEquals(pve.fingerprint(), fingerprint.getText().replace("\n", ":").replace(" ", ":"));

        // The dialog's nodes exist before it is shown: wait until the button can really be clicked.
        FxWait.until(10, () -> robot.lookup("#" + TrustCertificateDialog.TRUST_BUTTON_ID)
                .tryQuery().map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents(); // one more pulse: the dialog's layout settles after it shows
        robot.clickOn("#" + TrustCertificateDialog.TRUST_BUTTON_ID);
        FxWait.until(15, () -> sessions.list().size() == 1);
        assertEquals(pve.fingerprint(), vm.profiles().getFirst().pinnedFingerprint());
    }
}
