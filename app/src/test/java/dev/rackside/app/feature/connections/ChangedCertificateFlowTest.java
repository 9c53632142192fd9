package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.FxWait;
import dev.rackside.app.fx.RecordingNotifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.app.settings.SecretStores;
import dev.rackside.proxmox.Secret;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Files;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// A cluster whose certificate is not the one pinned: Rackside refuses loudly, shows both
/// fingerprints, and the default answer (Enter) disconnects without touching the pin or sending
/// the secret.
@ExtendWith(ApplicationExtension.class)
class ChangedCertificateFlowTest {
    private static final String OLD_PIN =
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
    private SimulatedCluster pve;
    private Sessions sessions;
    private FxBackground background;
    private ConnectionsViewModel vm;
    private ProfileStore store;

    @Start
    void start(Stage stage) throws Exception {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 2).fast());
        sessions = new Sessions();
        background = new FxBackground();
        store = new ProfileStore(RacksideFolders.under(Files.createTempDirectory("rackside-changed")));
        vm = new ConnectionsViewModel(store, SecretStores.unavailable("test machine"), sessions, background, new RecordingNotifier());
        stage.setScene(new Scene((javafx.scene.Parent) new ConnectionsView(vm).root(), 900, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> sessions.closeAll());
        background.close();
        pve.close();
    }

    @Test
    void changedCertificateIsRefusedByDefault(FxRobot robot) throws Exception {
        ConnectionProfile profile = ConnectionProfile.token("lab", pve.host(), "root@pam", SimulatedCluster.TOKEN_ID)
                .withPort(pve.port()).withPinnedFingerprint(OLD_PIN);
        robot.interact(() -> vm.save(profile, Optional.of(Secret.of(pve.apiTokenSecret())), false, () -> { }));
        ListView<?> list = robot.lookup("#" + ConnectionsView.LIST_ID).queryAs(ListView.class);
        FxWait.until(10, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        pve.clearRequests();
        robot.clickOn("#" + ConnectionsView.CONNECT_ID);

        // Wait until the dialog is really on screen (its nodes exist earlier), so Enter reaches it.
        FxWait.until(15, () -> robot.lookup("#" + CertificateChangedDialog.REVIEW_BUTTON_ID)
                .tryQuery().map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing() && n.getScene().getWindow().isFocused()).orElse(false));
        String shown = String.join("\n", robot.lookup(".dialog-pane .label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).toList());
        String compact = shown.replace("\n", "").replace(" ", "").replace(":", "");
        assertTrue(compact.contains(OLD_PIN.replace(":", "")), "the pinned fingerprint is shown: " + shown);
        assertTrue(compact.contains(pve.fingerprint().replace(":", "")), "the presented fingerprint is shown: " + shown);

        robot.type(KeyCode.ENTER); // the default button must be the safe one
        FxWait.until(10,
                () -> robot.lookup("#" + CertificateChangedDialog.REVIEW_BUTTON_ID).tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sessions.list().isEmpty(), "not connected");
        assertEquals(OLD_PIN, store.list().getFirst().pinnedFingerprint(), "the pin is untouched");
        assertTrue(pve.requests().isEmpty(), "nothing, not even the token, reached the server");
    }
}
