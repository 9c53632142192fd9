package dev.rackside.s3.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RacksideFoldersTest {
    private static final Path HOME = Path.of("/home/ops");

    @Test
    void linuxFollowsXdgVariables() {
        RacksideFolders p = RacksideFolders.of("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/st"), HOME);
        assertEquals(Path.of("/cfg/rackside"), p.config());
        assertEquals(Path.of("/st/rackside"), p.state());
        assertEquals(Path.of("/st/rackside/logs"), p.logs());
    }

    @Test
    void linuxDefaultsWhenVariablesAreUnsetOrRelative() {
        RacksideFolders p = RacksideFolders.of("Linux", Map.of("XDG_CONFIG_HOME", "relative/dir"), HOME);
        assertEquals(HOME.resolve(".config/rackside"), p.config());
        assertEquals(HOME.resolve(".local/state/rackside"), p.state());
        assertEquals(HOME.resolve(".local/state/rackside/logs"), p.logs());
    }

    @Test
    void windowsUsesAppDataAndLocalAppDataForLogs() {
        RacksideFolders p = RacksideFolders.of("Windows 11", Map.of("APPDATA", "/C/Users/ops/AppData/Roaming",
                "LOCALAPPDATA", "/C/Users/ops/AppData/Local"), HOME);
        assertEquals(Path.of("/C/Users/ops/AppData/Roaming/Rackside"), p.config());
        assertEquals(Path.of("/C/Users/ops/AppData/Local/Rackside/logs"), p.logs());
    }

    @Test
    void macUsesLibraryFolders() {
        RacksideFolders p = RacksideFolders.of("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), HOME);
        assertEquals(HOME.resolve("Library/Application Support/Rackside"), p.config());
        assertEquals(HOME.resolve("Library/Logs/Rackside"), p.logs());
    }

    @Test
    void homePropertyPutsEverythingBelowOneFolder() {
        String before = System.getProperty(RacksideFolders.HOME_PROPERTY);
        System.setProperty(RacksideFolders.HOME_PROPERTY, "/tmp/rackside-test-home");
        try {
            RacksideFolders p = RacksideFolders.forThisMachine();
            assertEquals(Path.of("/tmp/rackside-test-home/config"), p.config());
            assertEquals(Path.of("/tmp/rackside-test-home/logs"), p.logs());
        } finally {
            if (before == null) {
                System.clearProperty(RacksideFolders.HOME_PROPERTY);
            } else {
                System.setProperty(RacksideFolders.HOME_PROPERTY, before);
            }
        }
    }
}
