package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WidgetHarness;

/** A tile as small as the incident screen's 单兵图传 writes its state under the camera's name, not over it. */
class SmallTileTest {

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
    }

    @Test
    void theStateOfASmallTileIsWrittenUnderTheNameNotOverIt() throws Exception {
        Camera bodycam = new Camera("GW-063", "和义东里一区网格员063", Fixtures.EAST, null, false, true, null);
        WidgetHarness.fx(() -> {
            VideoTile tile = new VideoTile(false);
            Scene scene = new Scene(tile, 145, 125); // the district seat's 单兵图传 on a 1920 × 1080 screen
            scene.getStylesheets().add(Theme.stylesheet());
            tile.show(bodycam, null, java.time.Instant.now(), false);
            tile.applyCss();
            tile.layout();
            assertThat(tile.state.getText()).isNotEmpty();
            Bounds name = tile.id.localToScene(tile.id.getLayoutBounds());
            Bounds state = tile.state.localToScene(tile.state.getLayoutBounds());
            assertThat(state.getMinY()).as("the state's top under the id line's bottom").isGreaterThanOrEqualTo(name.getMaxY());
            // and it is still written: at least a line of it inside the tile
            assertThat(state.getHeight()).isGreaterThanOrEqualTo(tile.state.getFont().getSize());
            assertThat(state.getMaxY()).isLessThanOrEqualTo(scene.getHeight());
            return null;
        });
    }
}
