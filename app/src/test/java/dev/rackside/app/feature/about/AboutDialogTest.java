package dev.rackside.app.feature.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The dialog shows the version, the build and one row per bundled library, in French too.
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void showsTheBuildAndTheLibraries() throws Exception {
        Properties build = new Properties();
        build.setProperty("git.build.version", "0.3.0");
        build.setProperty("git.commit.id.abbrev", "9d14108");
        build.setProperty("git.commit.time", "2026-11-22T05:37:43Z");
        String list = "     (MIT License) AtlantaFX Base (io.github.mkpaz:atlantafx-base:2.1.0 - https://github.com/mkpaz/atlantafx)\n";
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            Alert alert = WaitForAsyncUtils.asyncFx(() -> {
                Alert a = AboutDialog.create(stage, new AboutViewModel(build, new Properties(), list, "Temurin 25"));
                a.show();
                return a;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("À propos de Rackside", alert.getTitle());
            Label version = (Label) alert.getDialogPane().lookup("#about-0");
            Label commit = (Label) alert.getDialogPane().lookup("#about-1");
            assertEquals("0.3.0", version.getText());
            assertTrue(commit.getText().contains("9d14108") && commit.getText().contains("2026-11-22"), commit.getText());
            TableView<?> table = (TableView<?>) alert.getDialogPane().lookup(".about-libraries");
            assertEquals(1, table.getItems().size());
            WaitForAsyncUtils.asyncFx(alert::close).get(10, TimeUnit.SECONDS);
        } finally {
            Locale.setDefault(before);
        }
    }
}
