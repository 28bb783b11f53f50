package org.shanzhi.cockpit.wall.layout;

import java.util.List;
import java.util.Optional;

/**
 * A checked layout: its screens in file order, how they sit on the wall, and whether it wants full
 * screen stages (the wall) or one ordinary window (a laptop). {@code source} is where it was read.
 */
public record WallLayout(String name, Title title, StageMode stage, Optional<WallGrid> wall, List<Screen> screens,
        String source) {

    public WallLayout {
        screens = List.copyOf(screens);
        wall = wall == null ? Optional.empty() : wall;
    }

    public enum StageMode {
        FULL_SCREEN("fullScreen"), WINDOW("window");

        public final String id;

        StageMode(String id) {
            this.id = id;
        }
    }

    /** The wall's cells; every screen of the layout has a position in it. */
    public record WallGrid(int columns, int rows) {
    }

    /**
     * The wall's cells: the declared wall, or, without one, the screens side by side in file order.
     */
    public WallGrid wallGrid() {
        return wall.orElse(new WallGrid(screens.size(), 1));
    }

    /** Where a screen sits on the wall: its position, or its place in the row of screens. */
    public Screen.Position positionOf(Screen screen) {
        return screen.position().orElseGet(() -> new Screen.Position(screens.indexOf(screen) + 1, 1));
    }

    public Optional<Screen> screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
