package dev.rackside.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaultsWithoutWarning() {
        SettingsStore.Loaded loaded = new SettingsStore(RacksideFolders.under(dir)).load();
        assertEquals(AppSettings.defaults(), loaded.settings());
        assertEquals(5, loaded.settings().refreshIntervalSeconds());
        assertTrue(loaded.warning().isEmpty());
    }

    @Test
    void roundTrip() throws Exception {
        SettingsStore store = new SettingsStore(RacksideFolders.under(dir));
        AppSettings s = AppSettings.defaults().withTheme(AppSettings.Theme.DARK)
                .withWindow(new AppSettings.WindowBounds(10, 20, 1280, 800, true))
                .withLastViewId("inventory").withRefreshIntervalSeconds(15).withLocale(Locale.FRENCH);
        store.save(s);
        AppSettings back = new SettingsStore(RacksideFolders.under(dir)).load().settings();
        assertEquals(s, back);
        assertEquals(Locale.FRENCH, back.chosenLocale().orElseThrow());
        assertFalse(Files.exists(store.file().resolveSibling(SettingsStore.FILE_NAME + ".tmp")));
    }

    @Test
    void corruptFileGivesDefaultsAWarningAndABackup() throws Exception {
        SettingsStore store = new SettingsStore(RacksideFolders.under(dir));
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{\"theme\": \"DARK\", \"window\": ");
        SettingsStore.Loaded loaded = store.load();
        assertEquals(AppSettings.defaults(), loaded.settings());
        assertTrue(loaded.warning().orElseThrow().contains(SettingsStore.FILE_NAME + ".bak"), loaded.warning().get());
        assertEquals("{\"theme\": \"DARK\", \"window\": ",
                Files.readString(store.file().resolveSibling(SettingsStore.FILE_NAME + ".bak")));
        store.save(AppSettings.defaults().withTheme(AppSettings.Theme.LIGHT));
        assertEquals(AppSettings.Theme.LIGHT, store.load().settings().theme());
    }
}
