package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.WallFrame;

/** The map keeps no timer of its own: the wall's frame draws it, once, when something changed since the last. */
class MapFrameTest extends MapFxTest {

    @Test
    void theWallsFrameDrawsTheMapOnlyAfterAChange() throws Exception {
        Situation s = Fixtures.district();
        MapWidget map = MapWidgetTest.mount("{\"zoom\": 14}", 960, 600, s);
        WallFrame frame = WallFrame.of(s);
        // each check runs in one go on the FX thread, after a frame that draws whatever was left to draw

        // the same situation again, nothing moved: no frame drawn (each frame leaves a new record of what it drew)
        assertThat(fx(() -> {
            map.show(frame);
            Object drawn = map.viewModel().drawn();
            map.show(frame.next(s, s.time().plusMillis(16), null));
            return map.viewModel().drawn() == drawn;
        })).isTrue();

        // the view moved: the next frame draws it, once however many changes came before it
        assertThat(fx(() -> {
            map.show(frame);
            Object drawn = map.viewModel().drawn();
            map.viewModel().moveTo(map.viewModel().view().panned(40, 0));
            map.viewModel().moveTo(map.viewModel().view().panned(40, 0));
            boolean drawnByTheMoves = map.viewModel().drawn() != drawn;
            map.show(frame.next(s, s.time().plusMillis(32), null));
            Object first = map.viewModel().drawn();
            map.show(frame.next(s, s.time().plusMillis(48), null));
            return List.of(drawnByTheMoves, first != drawn, map.viewModel().drawn() == first);
        })).containsExactly(false, true, true);

        // a new situation: drawn in the frame that brings it
        Situation moved = Fixtures.with(s, new Event.UnitMoved("U-1", Fixtures.EAST, 45));
        assertThat(fx(() -> {
            map.show(frame);
            Object drawn = map.viewModel().drawn();
            map.show(frame.next(moved, moved.time(), null));
            return map.viewModel().drawn() != drawn;
        })).isTrue();
    }
}
