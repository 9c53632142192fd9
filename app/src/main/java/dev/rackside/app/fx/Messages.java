package dev.rackside.app.fx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// User-facing text from resource bundles: one bundle per feature package
/// (`<package>/messages.properties`, with `messages_fr.properties` beside it).
public final class Messages {
    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /// The bundle of `feature`'s package, in the default locale.
    public static Messages of(Class<?> feature) {
        return of(feature, Locale.getDefault());
    }

    public static Messages of(Class<?> feature, Locale locale) {
        String base = feature.getPackageName() + ".messages";
        return new Messages(ResourceBundle.getBundle(base, locale, feature.getModule()));
    }

    /// The text for `key`, with `{0}`-style arguments filled in.
    public String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the UI and caught by the bundle-completeness test
        }
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
