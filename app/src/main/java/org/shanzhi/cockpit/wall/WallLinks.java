package org.shanzhi.cockpit.wall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.input.DataFormat;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.replay.ReplaySwitch;

/**
 * How the widgets of one wall reach each other, on the FX thread: a click on a camera of the map opens its video on
 * the video screen, an alarm centres the map on its place. The wall forgets every listener when it opens a layout,
 * so the widgets of the last one do not linger.
 */
public final class WallLinks {

    /** What a camera dragged from the map or a list carries: its id, dropped onto a video tile. */
    public static final DataFormat CAMERA = new DataFormat("application/x-shanzhi-camera");

    private final List<Consumer<String>> cameraViewers = new ArrayList<>();
    private final List<Consumer<GeoPoint>> maps = new ArrayList<>();
    private final List<Consumer<String>> incidentScreens = new ArrayList<>();
    /** Where a case opens when no incident screen is on the wall: a window of its own (set by the wall). */
    private Consumer<String> popOut;
    /** The wall's source, live or a replay (set by the wall, kept across layouts; null in a picture). */
    private ReplaySwitch replays;

    /** A widget that can show a camera's video (by camera id). */
    public void onOpenCamera(Consumer<String> viewer) {
        cameraViewers.add(viewer);
    }

    /** A widget that can centre on a place and mark it. */
    public void onFocus(Consumer<GeoPoint> map) {
        maps.add(map);
    }

    /** An incident screen of the layout, which shows a case opened from the map or the board. */
    public void onOpenIncident(Consumer<String> screen) {
        incidentScreens.add(screen);
    }

    /** What opens a case when the layout has no incident screen. */
    public void onPopOutIncident(Consumer<String> window) {
        popOut = window;
    }

    /**
     * Opens a case on the layout's incident screens, or in a window of its own when the layout has none; false when
     * there is neither (a picture, a test).
     */
    public boolean openIncident(String incidentId) {
        if (!incidentScreens.isEmpty()) {
            incidentScreens.forEach(s -> s.accept(incidentId));
            return true;
        }
        if (popOut != null) {
            popOut.accept(incidentId);
            return true;
        }
        return false;
    }

    /** Asks the video widgets to show {@code cameraId}; false when there is none on the wall. */
    public boolean openCamera(String cameraId) {
        cameraViewers.forEach(v -> v.accept(cameraId));
        return !cameraViewers.isEmpty();
    }

    /** Asks the maps to centre on {@code at} and mark it. */
    public void focus(GeoPoint at) {
        maps.forEach(m -> m.accept(at));
    }

    /** What every screen's 回放 banner reads: the replay shown, if any. */
    public ReplaySwitch replays() {
        return replays;
    }

    void replays(ReplaySwitch r) {
        replays = r;
    }

    void clear() {
        cameraViewers.clear();
        maps.clear();
        incidentScreens.clear();
    }
}
