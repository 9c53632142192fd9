package dev.rackside.app.feature.inventory;

import dev.rackside.app.fx.Background;
import java.time.Duration;

/// Drives the inventory's refresh loop. The app uses [#fx()]; tests pass one they tick by hand.
@FunctionalInterface
public interface RefreshScheduler {

    /// Calls `tick` on the UI thread every `interval` until cancelled.
    Background.Cancellable every(Duration interval, Runnable tick);

    /// A JavaFX timeline: ticks run on the FX thread without a thread of their own.
    static RefreshScheduler fx() {
        return new FxRefreshScheduler();
    }
}
