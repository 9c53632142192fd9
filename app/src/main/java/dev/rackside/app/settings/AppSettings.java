package dev.rackside.app.settings;

import java.util.Locale;
import java.util.Optional;

/// What Rackside remembers between runs, apart from connection profiles and secrets.
///
/// @param theme                  light, dark, or follow the operating system
/// @param window                 the main window's last position, or null before the first run
/// @param lastViewId             the feature view shown last, or null
/// @param refreshIntervalSeconds how often live views poll the cluster
/// @param locale                 a language tag (`fr`, `en-GB`), or null to follow the operating system
/// @param transfers              S3 bandwidth limits, schedule and parallel transfers
public record AppSettings(Theme theme, WindowBounds window, String lastViewId, int refreshIntervalSeconds, String locale,
                          TransferSettings transfers) {
    public static final int DEFAULT_REFRESH_SECONDS = 5;

    public enum Theme { SYSTEM, LIGHT, DARK }

    /// @param maximized when true, x/y/width/height are the bounds to restore to
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public AppSettings {
        theme = theme == null ? Theme.SYSTEM : theme;
        // A hand-edited 0 would make views poll in a tight loop; a day is the useful upper end.
        refreshIntervalSeconds = refreshIntervalSeconds < 1 || refreshIntervalSeconds > 86_400
                ? DEFAULT_REFRESH_SECONDS : refreshIntervalSeconds;
        transfers = transfers == null ? TransferSettings.defaults() : transfers;
    }

    public static AppSettings defaults() {
        return new AppSettings(Theme.SYSTEM, null, null, DEFAULT_REFRESH_SECONDS, null, null);
    }

    /// The chosen locale, empty when Rackside follows the operating system.
    public Optional<Locale> chosenLocale() {
        return locale == null || locale.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(locale));
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(t, window, lastViewId, refreshIntervalSeconds, locale, transfers);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, w, lastViewId, refreshIntervalSeconds, locale, transfers);
    }

    public AppSettings withLastViewId(String id) {
        return new AppSettings(theme, window, id, refreshIntervalSeconds, locale, transfers);
    }

    public AppSettings withRefreshIntervalSeconds(int seconds) {
        return new AppSettings(theme, window, lastViewId, seconds, locale, transfers);
    }

    public AppSettings withLocale(Locale l) {
        return new AppSettings(theme, window, lastViewId, refreshIntervalSeconds, l == null ? null : l.toLanguageTag(), transfers);
    }

    public AppSettings withTransfers(TransferSettings t) {
        return new AppSettings(theme, window, lastViewId, refreshIntervalSeconds, locale, t);
    }
}
