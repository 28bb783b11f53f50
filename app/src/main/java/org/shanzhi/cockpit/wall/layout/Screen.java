package org.shanzhi.cockpit.wall.layout;

import java.util.List;
import java.util.Optional;

/**
 * One monitor's worth of the wall: the size it was designed for (logical px), its grid and the
 * widgets on it, and, when the layout describes a wall, the cell of the wall it sits in.
 */
public record Screen(String id, Title title, int width, int height, Grid grid, Optional<Position> position,
        List<Placement> widgets) {

    public Screen {
        widgets = List.copyOf(widgets);
        position = position == null ? Optional.empty() : position;
    }

    /** Equal columns and rows with {@code gap} px between them. */
    public record Grid(int columns, int rows, int gap) {
    }

    /** A cell of the wall, counting from 1. */
    public record Position(int column, int row) {
    }
}
