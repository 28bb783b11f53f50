package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.GRID;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Grid;

/** The governance grids' outlines from {@link #GRIDS_FROM}, the unit grids' from {@link #UNIT_GRIDS_FROM}. */
final class GridsLayer extends MapLayer {

    static final LayerSwitch GRIDS = LayerSwitch.of("grids");
    static final double GRIDS_FROM = 15.5;
    static final double UNIT_GRIDS_FROM = 17;

    private PMap<String, Grid> drawn;

    GridsLayer() {
        super("grids", Plane.BASE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(GRIDS);
    }

    @Override
    boolean shown(MapFrame f) {
        return f.on(GRIDS) && f.view().zoom() >= GRIDS_FROM;
    }

    @Override
    boolean changed(MapFrame f) {
        return f.situation().grids() != drawn;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        drawn = f.situation().grids();
        boolean units = f.view().zoom() >= UNIT_GRIDS_FROM;
        for (Grid grid : drawn.values()) {
            boolean governance = grid.kind() == Grid.Kind.GOVERNANCE;
            if (!governance && !units || grid.boundary() == null) {
                continue;
            }
            g.setStroke(governance ? GRID.brighter() : GRID);
            g.setLineWidth(governance ? 1.2 : 0.7);
            f.path(grid.boundary());
            g.stroke();
            f.drew(1);
        }
    }
}
