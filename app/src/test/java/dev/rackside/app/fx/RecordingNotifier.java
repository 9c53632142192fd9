package dev.rackside.app.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// A [Notifier] for tests that keeps what it was told, by kind. Thread-safe, because ViewModels
/// report from background callbacks as well as from the UI thread.
public final class RecordingNotifier implements Notifier {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        errors.add(message);
    }
}
