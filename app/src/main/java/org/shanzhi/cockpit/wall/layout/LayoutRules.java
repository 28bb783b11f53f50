package org.shanzhi.cockpit.wall.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the schema cannot say about a layout, and the mapping of a schema-valid document onto the
 * records. Fields are named as in error messages ({@code screens[1].widgets[0].columnSpan}).
 */
final class LayoutRules {

    /** A broken rule at {@code field}; {@code atName}: point at the member's name rather than its value. */
    record Violation(String field, String message, boolean atName) {
    }

    private LayoutRules() {
    }

    /** The records of a document that the schema accepted (so every required member is there and well typed). */
    static WallLayout read(JsonNode root, String source) {
        List<Screen> screens = new ArrayList<>();
        for (JsonNode s : root.get("screens")) {
            List<Placement> widgets = new ArrayList<>();
            for (JsonNode w : s.get("widgets")) {
                widgets.add(new Placement(WidgetType.byId(w.get("type").asText()).orElseThrow(),
                        w.get("column").asInt(), w.get("row").asInt(),
                        w.path("columnSpan").asInt(1), w.path("rowSpan").asInt(1), w.get("options")));
            }
            JsonNode g = s.get("grid");
            Optional<Screen.Position> position = s.has("position")
                    ? Optional.of(new Screen.Position(s.get("position").get("column").asInt(), s.get("position").get("row").asInt()))
                    : Optional.empty();
            screens.add(new Screen(s.get("id").asText(), title(s.get("title")), s.get("width").asInt(),
                    s.get("height").asInt(), new Screen.Grid(g.get("columns").asInt(), g.get("rows").asInt(),
                    g.path("gap").asInt(8)), position, widgets));
        }
        WallLayout.StageMode stage = "window".equals(root.path("stage").asText())
                ? WallLayout.StageMode.WINDOW : WallLayout.StageMode.FULL_SCREEN;
        Optional<WallLayout.WallGrid> wall = root.has("wall")
                ? Optional.of(new WallLayout.WallGrid(root.get("wall").get("columns").asInt(), root.get("wall").get("rows").asInt()))
                : Optional.empty();
        return new WallLayout(root.get("name").asText(), title(root.get("title")), stage, wall, screens, source);
    }

    private static Title title(JsonNode t) {
        return new Title(t.get("zh").asText(), t.get("en").asText());
    }

    static List<Violation> check(WallLayout layout, String fileBaseName) {
        List<Violation> out = new ArrayList<>();
        if (!layout.name().equals(fileBaseName)) {
            out.add(new Violation("name", "must be the file name without .json ('" + fileBaseName + "')", false));
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<Screen.Position, Integer> cells = new HashMap<>();
        for (int i = 0; i < layout.screens().size(); i++) {
            Screen screen = layout.screens().get(i);
            String at = "screens[" + i + "]";
            Integer first = ids.putIfAbsent(screen.id(), i);
            if (first != null) {
                out.add(new Violation(at + ".id", "'" + screen.id() + "' is already the id of screens[" + first + "]", false));
            }
            checkPosition(layout, screen, at, cells, i, out);
            checkWidgets(screen, at, out);
        }
        return out;
    }

    private static void checkPosition(WallLayout layout, Screen screen, String at, Map<Screen.Position, Integer> cells,
            int index, List<Violation> out) {
        if (layout.wall().isEmpty()) {
            if (screen.position().isPresent()) {
                out.add(new Violation(at + ".position", "a position needs a top-level wall {columns, rows}", true));
            }
            return;
        }
        WallLayout.WallGrid wall = layout.wall().get();
        if (screen.position().isEmpty()) {
            out.add(new Violation(at, "needs a position: the layout declares a wall of " + wall.columns() + "×" + wall.rows(), false));
            return;
        }
        Screen.Position p = screen.position().get();
        boolean inside = true;
        if (p.column() > wall.columns()) {
            out.add(new Violation(at + ".position.column", "must be ≤ " + wall.columns() + " (the wall has " + wall.columns() + " columns)", false));
            inside = false;
        }
        if (p.row() > wall.rows()) {
            out.add(new Violation(at + ".position.row", "must be ≤ " + wall.rows() + " (the wall has " + wall.rows() + " rows)", false));
            inside = false;
        }
        if (inside) {
            Integer other = cells.putIfAbsent(p, index);
            if (other != null) {
                out.add(new Violation(at + ".position", "screens[" + other + "] is already at column " + p.column()
                        + ", row " + p.row() + " of the wall", false));
            }
        }
    }

    private static void checkWidgets(Screen screen, String at, List<Violation> out) {
        Screen.Grid grid = screen.grid();
        List<Placement> widgets = screen.widgets();
        for (int j = 0; j < widgets.size(); j++) {
            Placement w = widgets.get(j);
            String wat = at + ".widgets[" + j + "]";
            if (w.column() > grid.columns()) {
                out.add(new Violation(wat + ".column", "must be ≤ " + grid.columns() + " (grid has " + grid.columns() + " columns)", false));
            } else if (w.lastColumn() > grid.columns()) {
                int max = grid.columns() - w.column() + 1;
                out.add(new Violation(wat + ".columnSpan", "must be ≤ " + max + " (grid has " + grid.columns()
                        + " columns, widget starts at column " + w.column() + ")", false));
            }
            if (w.row() > grid.rows()) {
                out.add(new Violation(wat + ".row", "must be ≤ " + grid.rows() + " (grid has " + grid.rows() + " rows)", false));
            } else if (w.lastRow() > grid.rows()) {
                int max = grid.rows() - w.row() + 1;
                out.add(new Violation(wat + ".rowSpan", "must be ≤ " + max + " (grid has " + grid.rows()
                        + " rows, widget starts at row " + w.row() + ")", false));
            }
            for (int k = 0; k < j; k++) {
                Placement earlier = widgets.get(k);
                if (w.overlaps(earlier)) {
                    int c = Math.max(w.column(), earlier.column());
                    int r = Math.max(w.row(), earlier.row());
                    out.add(new Violation(wat, "overlaps widgets[" + k + "] (" + earlier.type().id + ") at column " + c
                            + ", row " + r, false));
                    break;
                }
            }
        }
    }
}
