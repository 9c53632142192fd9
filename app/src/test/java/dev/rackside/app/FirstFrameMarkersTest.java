package dev.rackside.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// Which moment ends a measured start-up: the app must exit after the last marker it will really
/// write, and start nothing it would leave running.
class FirstFrameMarkersTest {
    @Test
    void withTheFirstFrameOnlyItExitsThereAndStartsNothing() {
        var m = new FirstFrame.Markers("first", null, null, true);
        assertTrue(m.firstIsLast());
        assertTrue(m.startsNothing());
    }

    @Test
    void withTheFilledWindowItExitsAfterThatAndStillStartsNothing() {
        var m = new FirstFrame.Markers("first", "filled", null, true);
        assertFalse(m.firstIsLast());
        assertTrue(m.filledIsLast());
        assertTrue(m.startsNothing(), "the demo would still be starting when the toolkit stops");
    }

    @Test
    void withTheDemoItStartsTheDemoAndExitsWhenItIsConnected() {
        var m = new FirstFrame.Markers("first", "filled", "demo", true);
        assertFalse(m.firstIsLast());
        assertFalse(m.filledIsLast());
        assertFalse(m.startsNothing());
    }

    @Test
    void aDemoMarkerIsIgnoredWhenThisRunStartsNoDemo() {
        System.setProperty("rackside.demoReadyMarker", "demo");
        try {
            assertTrue(FirstFrame.Markers.of(false).filledIsLast(), "no demo starts, so it cannot be waited for");
            assertFalse(FirstFrame.Markers.of(true).filledIsLast());
        } finally {
            System.clearProperty("rackside.demoReadyMarker");
        }
    }

    @Test
    void withoutExitTheAppRunsOnAndStartsWhatItShould() {
        var m = new FirstFrame.Markers("first", "filled", null, false);
        assertFalse(m.startsNothing());
    }
}
