package org.shanzhi.cockpit.wall.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which stages to open for a layout on the monitors at hand, and what each shows. Plain numbers:
 * the wall turns a plan into JavaFX stages.
 *
 * <ul>
 * <li>{@link Mode#PER_MONITOR}: at least as many monitors as screens, and the layout wants full
 * screen. Each screen gets its own monitor, full screen and undecorated. Monitors whose size is a
 * screen's size are preferred, then larger ones; the chosen monitors are taken in reading order
 * (rows top to bottom, left to right in a row) and given the screens in wall order (by position,
 * row by row), or cell by cell when the monitors form exactly the layout's wall.
 * <li>{@link Mode#VIRTUAL_WALL}: fewer monitors than screens. One decorated, maximized window on
 * the largest monitor shows the whole wall, screens arranged by their wall positions, scaled to fit.
 * <li>{@link Mode#WINDOW}: the layout asks for a window ({@code "stage": "window"}, the laptop):
 * the same single window, whatever the monitors.
 * </ul>
 *
 * A stage's content is drawn at layout size ({@code contentWidth × contentHeight} logical px) and
 * scaled by {@code scale}; a window's scale is the starting value, the view fits again on resize.
 */
public record ScreenPlan(WallLayout layout, Mode mode, List<Stage> stages) {

    public ScreenPlan {
        stages = List.copyOf(stages);
    }

    public enum Mode { PER_MONITOR, VIRTUAL_WALL, WINDOW }

    /** A window to open on {@code monitor}, showing {@code areas} (positions in unscaled content px). */
    public record Stage(Monitor monitor, boolean fullScreen, boolean decorated, boolean maximized,
            double contentWidth, double contentHeight, double scale, List<Area> areas) {
        public Stage {
            areas = List.copyOf(areas);
        }
    }

    /** A layout screen drawn at ({@code x}, {@code y}) of its stage's content, at its own size. */
    public record Area(Screen screen, double x, double y) {
    }

    /** Monitors whose vertical centres are closer than this share of the taller one's height are one row. */
    private static final double SAME_ROW = 0.5;

    public static ScreenPlan of(WallLayout layout, List<Monitor> monitors) {
        if (monitors.isEmpty()) {
            throw new IllegalArgumentException("no monitor to show the wall on");
        }
        List<Screen> screens = inWallOrder(layout);
        if (layout.stage() == WallLayout.StageMode.WINDOW) {
            return new ScreenPlan(layout, Mode.WINDOW, List.of(window(layout, largest(monitors))));
        }
        if (monitors.size() < screens.size()) {
            return new ScreenPlan(layout, Mode.VIRTUAL_WALL, List.of(window(layout, largest(monitors))));
        }
        List<List<Monitor>> rows = rows(choose(screens, monitors));
        List<Monitor> reading = rows.stream().flatMap(List::stream).toList();
        WallLayout.WallGrid wall = layout.wallGrid();
        boolean monitorsFormTheWall = rows.size() == wall.rows()
                && rows.stream().allMatch(r -> r.size() == wall.columns());
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            Monitor monitor;
            if (monitorsFormTheWall) {
                Screen.Position p = layout.positionOf(screen);
                monitor = rows.get(p.row() - 1).get(p.column() - 1);
            } else {
                monitor = reading.get(i);
            }
            double scale = fitScale(screen.width(), screen.height(), monitor.width(), monitor.height());
            stages.add(new Stage(monitor, true, false, false, screen.width(), screen.height(), scale,
                    List.of(new Area(screen, 0, 0))));
        }
        return new ScreenPlan(layout, Mode.PER_MONITOR, stages);
    }

    /**
     * The layout that suits the monitors found. One monitor: {@code wall-4k} when it is at least
     * 3840 logical px wide (a 4K panel at 100 %; a 4K laptop at 200 % reports 1920 and gets the
     * laptop layout), else {@code laptop}. Two to five: {@code duty-desk}, which shows every kind
     * of widget at full size on two monitors; on three to five monitors (a wall with a dead or
     * missing monitor, or a desk with a spare one) that reads better than {@code wall-3x2} squeezed
     * into one monitor at a third of its size. Six or more: {@code wall-3x2}.
     */
    public static String pickLayout(List<Monitor> monitors) {
        if (monitors.size() >= 6) {
            return "wall-3x2";
        }
        if (monitors.size() >= 2) {
            return "duty-desk";
        }
        if (monitors.size() == 1 && monitors.get(0).width() >= 3840) {
            return "wall-4k";
        }
        return "laptop";
    }

    /** The largest scale at which {@code w × h} fits into {@code availableW × availableH}. */
    public static double fitScale(double w, double h, double availableW, double availableH) {
        return Math.min(availableW / w, availableH / h);
    }

    /** One window on {@code monitor} with every screen at its wall position, scaled to fit the monitor. */
    private static Stage window(WallLayout layout, Monitor monitor) {
        WallLayout.WallGrid wall = layout.wallGrid();
        double[] columnWidths = new double[wall.columns()];
        double[] rowHeights = new double[wall.rows()];
        for (Screen s : layout.screens()) {
            Screen.Position p = layout.positionOf(s);
            columnWidths[p.column() - 1] = Math.max(columnWidths[p.column() - 1], s.width());
            rowHeights[p.row() - 1] = Math.max(rowHeights[p.row() - 1], s.height());
        }
        List<Area> areas = new ArrayList<>();
        for (Screen s : inWallOrder(layout)) {
            Screen.Position p = layout.positionOf(s);
            areas.add(new Area(s, sum(columnWidths, p.column() - 1), sum(rowHeights, p.row() - 1)));
        }
        double width = sum(columnWidths, columnWidths.length);
        double height = sum(rowHeights, rowHeights.length);
        return new Stage(monitor, false, true, true, width, height,
                fitScale(width, height, monitor.width(), monitor.height()), areas);
    }

    private static double sum(double[] values, int count) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += values[i];
        }
        return total;
    }

    private static List<Screen> inWallOrder(WallLayout layout) {
        return layout.screens().stream()
                .sorted(Comparator.comparingInt((Screen s) -> layout.positionOf(s).row())
                        .thenComparingInt(s -> layout.positionOf(s).column()))
                .toList();
    }

    private static Monitor largest(List<Monitor> monitors) {
        Monitor best = null;
        for (Monitor m : rows(monitors).stream().flatMap(List::stream).toList()) {
            if (best == null || m.area() > best.area()) {
                best = m;
            }
        }
        return best;
    }

    /** As many monitors as screens: those matching a screen's size first, then the larger, then in reading order. */
    private static List<Monitor> choose(List<Screen> screens, List<Monitor> monitors) {
        List<Monitor> reading = rows(monitors).stream().flatMap(List::stream).toList();
        return reading.stream()
                .sorted(Comparator.comparing((Monitor m) -> screens.stream().noneMatch(m::fits))
                        .thenComparing(Comparator.comparingDouble(Monitor::area).reversed())
                        .thenComparingInt(reading::indexOf))
                .limit(screens.size())
                .toList();
    }

    /** Monitors in rows, top to bottom, each row left to right. */
    static List<List<Monitor>> rows(List<Monitor> monitors) {
        List<Monitor> byCentre = monitors.stream().sorted(Comparator.comparingDouble(Monitor::centreY)).toList();
        List<List<Monitor>> rows = new ArrayList<>();
        List<Monitor> row = new ArrayList<>();
        for (Monitor m : byCentre) {
            if (!row.isEmpty()) {
                Monitor first = row.get(0);
                if (m.centreY() - first.centreY() >= SAME_ROW * Math.max(first.height(), m.height())) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
            row.add(m);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        for (List<Monitor> r : rows) {
            r.sort(Comparator.comparingDouble(Monitor::x));
        }
        return rows;
    }
}
