package org.shanzhi.cockpit.wall.kpi;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.wall.Theme;

/** The one place where TilesFX gets its colours, all from the wall theme's tokens. Never animated. */
final class TilePalette {

    private TilePalette() {
    }

    static Tile build(Tile.SkinType skin) {
        Color surface = Theme.token("-wall-surface");
        Color text = Theme.token("-wall-text");
        Color dim = Theme.token("-wall-text-dim");
        Color border = Theme.token("-wall-border");
        return TileBuilder.create()
                .skinType(skin)
                .animated(false)
                .title("")
                .backgroundColor(surface)
                .foregroundColor(text)
                .titleColor(dim)
                .valueColor(text)
                .unitColor(dim)
                .descriptionColor(dim)
                .textColor(dim)
                .barColor(Theme.color(Theme.INFO))
                .barBackgroundColor(border)
                .needleColor(text)
                .thresholdColor(Theme.color(Theme.CRITICAL))
                .chartGridColor(border)
                .textVisible(false)
                .roundedCorners(false)
                .build();
    }

    /**
     * The value and bar take the colour of the state; null leaves the neutral text colour. Set only when it changes:
     * TilesFX redraws the tile on every set, and the panels show their figures every time the situation moves.
     */
    static void state(Tile tile, String state) {
        Color c = state == null ? Theme.token("-wall-text") : Theme.color(state);
        if (!c.equals(tile.getValueColor())) {
            tile.setValueColor(c);
        }
        Color bar = state == null ? Theme.color(Theme.INFO) : c;
        if (!bar.equals(tile.getBarColor())) {
            tile.setBarColor(bar);
        }
    }

    static Color text() {
        return Theme.token("-wall-text");
    }

    static Color border() {
        return Theme.token("-wall-border");
    }
}
