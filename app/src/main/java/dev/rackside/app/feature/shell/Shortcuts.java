package dev.rackside.app.feature.shell;

import java.util.List;

/// The keyboard shortcuts, in one place so the key handling and the help dialog cannot drift apart.
public final class Shortcuts {
    /// @param keys as shown to the operator; `messageKey` names the description in the shell bundle
    public record Shortcut(String keys, String messageKey) {
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Ctrl+F", "shortcut.search"),
            new Shortcut("F5", "shortcut.refresh"),
            new Shortcut("Ctrl+1 … Ctrl+9", "shortcut.navigate"),
            new Shortcut("Ctrl+T", "shortcut.tasks"),
            new Shortcut("Ctrl+Shift+L", "shortcut.theme"),
            new Shortcut("F1", "shortcut.help"),
            new Shortcut("Enter", "shortcut.s3.open"),
            new Shortcut("Backspace, Alt+Up", "shortcut.s3.up"),
            new Shortcut("Delete", "shortcut.s3.delete"),
            new Shortcut("F2", "shortcut.s3.rename"),
            new Shortcut("Ctrl+U", "shortcut.s3.upload"),
            new Shortcut("Escape", "shortcut.s3.clearSearch"));

    private Shortcuts() {
    }
}
