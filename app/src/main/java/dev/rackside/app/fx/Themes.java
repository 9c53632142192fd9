package dev.rackside.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/// Light and dark AtlantaFX themes; `SYSTEM` follows the operating system's setting as it changes.
public final class Themes {
    public enum Choice { SYSTEM, LIGHT, DARK }

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public Themes() {
        choice.addListener((o, a, b) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> apply());
        apply();
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /// Light ↔ dark, leaving SYSTEM for an explicit choice.
    public void toggle() {
        choice.set(dark.get() ? Choice.LIGHT : Choice.DARK);
    }

    private void apply() {
        boolean d = switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        dark.set(d);
        atlantafx.base.theme.Theme theme = d ? new PrimerDark() : new PrimerLight();
        // The binary form AtlantaFX ships beside each theme loads without parsing 165 kB of CSS text
        // on the FX thread before the first frame.
        String bss = theme.getUserAgentStylesheetBSS();
        Application.setUserAgentStylesheet(bss != null ? bss : theme.getUserAgentStylesheet());
    }
}
