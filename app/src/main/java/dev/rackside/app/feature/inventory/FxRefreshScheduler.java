package dev.rackside.app.feature.inventory;

import dev.rackside.app.fx.Background;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/// [RefreshScheduler] on a JavaFX [Timeline]: ticks run on the FX thread without a thread of their own.
public final class FxRefreshScheduler implements RefreshScheduler {

    public FxRefreshScheduler() {
        // stateless: each every() call owns its own timeline
    }

    @Override
    public Background.Cancellable every(Duration interval, Runnable tick) {
        Timeline t = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> tick.run()));
        t.setCycleCount(Animation.INDEFINITE);
        t.play();
        return t::stop;
    }
}
