package org.shanzhi.cockpit.wall;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The wall's texts: {@code i18n/messages*.properties} (UTF-8), semantic keys, {@link MessageFormat} patterns.
 * Simplified Chinese is the default and lives in the base file. Set the locale before building views.
 */
public final class I18n {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    // never fall back to the JVM's default locale: on an English OS that would pick messages_en for zh_CN
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = DEFAULT;
    private static volatile ResourceBundle bundle = bundle(DEFAULT);

    private I18n() {
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale value) {
        Locale l = value == null ? DEFAULT : value;
        bundle = bundle(l);
        locale = l;
    }

    public static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, I18n.class.getClassLoader(), NO_FALLBACK);
    }

    /** The text for a key, formatted with the arguments; a missing key shows as {@code !key!} rather than throwing. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The text for an enum constant, under {@code prefix.CONSTANT}. */
    public static String t(String prefix, Enum<?> value) {
        return value == null ? t("common.missing") : t(prefix + "." + value.name());
    }
}
