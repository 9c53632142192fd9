package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.Notifier;
import java.util.ArrayList;
import java.util.List;

final class RecordingNotifier implements Notifier {
    final List<String> messages = new ArrayList<>();

    @Override
    public void info(String message) {
        messages.add(message);
    }

    @Override
    public void warning(String message) {
        messages.add(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        messages.add(message);
    }
}
