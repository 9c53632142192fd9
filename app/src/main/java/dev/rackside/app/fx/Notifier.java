package dev.rackside.app.fx;

/// Where ViewModels report what the operator must know: recoverable problems as non-modal
/// notifications, unexpected ones as a dialog with details. Nothing is swallowed.
public interface Notifier {
    void info(String message);

    void warning(String message);

    /// An unexpected failure: shown with its details and written to the log.
    void error(String message, Throwable cause);
}
