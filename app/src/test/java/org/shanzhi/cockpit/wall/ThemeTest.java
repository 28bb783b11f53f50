package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/** Each state has one colour, read from the stylesheet's tokens; the states are told apart. */
class ThemeTest {

    @Test
    void everyStateHasAColourFromTheStylesheet() {
        for (String state : Theme.STATES) {
            assertThat(Theme.color(state)).as(state).isNotNull();
        }
        assertThat(Theme.color(Theme.SIGNAL_RED)).isEqualTo(Theme.color(Theme.CRITICAL));
        assertThat(Theme.color(Theme.CRITICAL)).isNotEqualTo(Theme.color(Theme.WARNING));
        assertThat(Theme.color(Theme.OK)).isNotEqualTo(Theme.color(Theme.STALE));
        assertThat(Theme.stylesheet()).endsWith("css/wall.css");
    }

    @Test
    void textStandsOutFromTheBackground() {
        Color bg = Theme.token("-wall-bg");
        Color text = Theme.token("-wall-text");
        assertThat(contrast(text, bg)).isGreaterThan(12);
        for (String state : Theme.STATES) {
            assertThat(contrast(Theme.color(state), Theme.token("-wall-surface"))).as(state).isGreaterThan(3);
        }
    }

    /** WCAG contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
