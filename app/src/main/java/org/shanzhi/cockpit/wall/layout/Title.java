package org.shanzhi.cockpit.wall.layout;

import java.util.Locale;
import java.util.Objects;

/** A name in both languages of the wall. */
public record Title(String zh, String en) {

    public Title {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public String in(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
    }
}
