package dev.rackside.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void transferLimitsAndTheirScheduleSurviveARestart() throws Exception {
        SettingsStore store = new SettingsStore(RacksideFolders.under(dir));
        var window = new TransferSettings.Window(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                "08:00", "18:00", 10_485_760, 0);
        AppSettings s = AppSettings.defaults().withTransfers(new TransferSettings(1_000_000, 0, 4, true, List.of(window)));
        store.save(s);
        assertTrue(Files.readString(store.file()).contains("\"start\" : \"08:00\""), "times stay readable in the file");
        assertEquals(s, store.load().settings());
    }

    @Test
    void aHandEditedTransferSectionFallsBackToSafeValues() throws Exception {
        SettingsStore store = new SettingsStore(RacksideFolders.under(dir));
        Files.createDirectories(store.file().getParent());
        // a file from before transfer settings existed
        Files.writeString(store.file(), "{\"theme\": \"DARK\"}");
        assertEquals(TransferSettings.defaults(), store.load().settings().transfers());
        Files.writeString(store.file(), """
                {"transfers": {"uploadLimit": -5, "concurrency": 500, "scheduleOn": true,
                  "windows": [{"days": ["MONDAY"], "start": "8 o'clock", "end": "18:00", "upload": 1000}]}}""");
        SettingsStore.Loaded odd = store.load();
        TransferSettings t = odd.settings().transfers();
        assertTrue(odd.warning().orElseThrow().contains("the window {\"days\":[\"MONDAY\"],\"start\":\"8 o'clock\""),
                odd.warning().get());
        assertTrue(odd.warning().get().contains("concurrency = 500 is not a number of parallel transfers from 1 to 32, so 8 is used"),
                odd.warning().get());
        assertEquals(0, t.uploadLimit());
        assertEquals(TransferSettings.DEFAULT_CONCURRENCY, t.concurrency());
        assertEquals(1, t.windows().size(), "the window is kept for the operator to fix");
        assertTrue(t.schedule(java.time.ZoneOffset.UTC).isEmpty(), "but an unreadable window limits nothing");

        // Values Jackson could not map must not cost the rest of the file (theme, window, language).
        Files.writeString(store.file(), """
                {"theme": "DARK", "transfers": {"uploadLimit": "10M", "downloadLimit": "ten",
                  "windows": [null, {"days": ["monday", null, "Funday"], "start": "08:00", "end": "18:00", "upload": "1 MiB/s"},
                              {"days": "SUNDAY", "start": "00:00", "end": "00:00", "download": 7.0}]}}""");
        SettingsStore.Loaded loaded = store.load();
        assertEquals(AppSettings.Theme.DARK, loaded.settings().theme());
        t = loaded.settings().transfers();
        assertEquals(10_000_000, t.uploadLimit(), "a rate written as people write it");
        assertEquals(0, t.downloadLimit());
        assertEquals(List.of(new TransferSettings.Window(java.util.Set.of(java.time.DayOfWeek.MONDAY), "08:00", "18:00", 1 << 20, 0),
                new TransferSettings.Window(java.util.Set.of(java.time.DayOfWeek.SUNDAY), "00:00", "00:00", 0, 7)), t.windows());
        // What was replaced is said, not silently turned into "unlimited".
        String warning = loaded.warning().orElseThrow();
        assertTrue(warning.startsWith("Some values in " + store.file() + " could not be used: "), warning);
        assertTrue(warning.contains("downloadLimit = \"ten\" is not a rate"), warning);
        assertTrue(warning.contains("\"Funday\" is not a day of the week"), warning);
        assertFalse(warning.contains("uploadLimit") || warning.contains("null is not"), warning);
        store.save(loaded.settings());
        assertTrue(store.load().warning().isEmpty(), "saved again, the file holds only usable values");
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
