package org.shanzhi.cockpit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.District;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Polygon;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.UnitStatus;

/**
 * A synthetic inventory the size of 和义街道: 11 communities tiling the street's bounding box, 760
 * grid cells, 1,043 cameras, 160 field units and 60 sensors. Names and shapes are placeholders
 * (communities are marked synthetic); only the counts and the box are Heyi's. Deterministic per seed.
 */
public final class SyntheticHeyi {

    public static final Bounds BOUNDS = new Bounds(116.372, 39.803, 116.419, 39.831);
    public static final String DISTRICT = "110106016";
    public static final int COMMUNITIES = 11;
    public static final int GRIDS = 760;
    public static final int CAMERAS = 1_043;
    public static final int UNITS = 160;
    public static final int SENSORS = 60;

    /** Community cells: rows of 4, 4 and 3 columns from north to south. */
    private static final int[] COLUMNS_PER_ROW = {4, 4, 3};
    /** Grid cells per community: 7 × 10, less one in all but the last community (10 × 69 + 70 = 760). */
    private static final int GRID_COLS = 7;
    private static final int GRID_ROWS = 10;

    private SyntheticHeyi() {
    }

    public static String communityCode(int i) {
        return DISTRICT + String.format("%03d", i + 1);
    }

    public static String unitId(int i) {
        return String.format("U-%03d", i + 1);
    }

    public static String sensorId(int i) {
        return String.format("S-%02d", i + 1);
    }

    public static String cameraId(int i) {
        return String.format("CAM-%04d", i + 1);
    }

    /** The inventory events, in the order a hub accepts them. */
    public static List<Event> inventory(long seed) {
        Random rnd = new Random(seed);
        List<Event> out = new ArrayList<>();
        out.add(new Event.DistrictDefined(new District(DISTRICT, "和义街道", 48_000, 6.78, BOUNDS)));
        List<double[]> cells = communityCells();
        for (int c = 0; c < cells.size(); c++) {
            double[] r = cells.get(c);
            out.add(new Event.CommunityRegistered(new Community(communityCode(c), "社区" + (c + 1), 4_400, 1_700,
                    ring(r[0], r[1], r[2], r[3], 8), true)));
        }
        for (int c = 0; c < cells.size(); c++) {
            double[] r = cells.get(c);
            int count = c == cells.size() - 1 ? GRID_COLS * GRID_ROWS : GRID_COLS * GRID_ROWS - 1;
            double w = (r[2] - r[0]) / GRID_COLS;
            double h = (r[3] - r[1]) / GRID_ROWS;
            for (int g = 0; g < count; g++) {
                int col = g % GRID_COLS;
                int row = g / GRID_COLS;
                double west = r[0] + col * w;
                double north = r[3] - row * h;
                out.add(new Event.GridRegistered(new Grid(communityCode(c) + String.format("%03d", g + 1),
                        Grid.Kind.GOVERNANCE, communityCode(c), ring(west, north - h, west + w, north, 3))));
            }
        }
        for (int i = 0; i < CAMERAS; i++) {
            out.add(new Event.CameraRegistered(new Camera(cameraId(i), "点位" + (i + 1), randomPoint(rnd), null,
                    i % 10 == 0, rnd.nextDouble() > 0.03, "/video/" + cameraId(i) + ".mjpg")));
        }
        Sensor.Kind[] kinds = Sensor.Kind.values();
        for (int i = 0; i < SENSORS; i++) {
            Sensor.Kind k = kinds[i % kinds.length];
            out.add(new Event.SensorRegistered(new Sensor(sensorId(i), k, randomPoint(rnd), null, threshold(k), 0,
                    false, null)));
        }
        FieldUnit.Role[] roles = FieldUnit.Role.values();
        for (int i = 0; i < UNITS; i++) {
            // half grid workers, the rest spread over the other roles
            FieldUnit.Role role = i % 2 == 0 ? FieldUnit.Role.GRID_WORKER : roles[1 + (i / 2) % (roles.length - 1)];
            out.add(new Event.UnitRegistered(new FieldUnit(unitId(i), role.zh + (i + 1), role, UnitStatus.AVL,
                    randomPoint(rnd), rnd.nextDouble() * 360, null, null, false)));
        }
        return out;
    }

    static double threshold(Sensor.Kind k) {
        return switch (k) {
            case WATER_LEVEL -> 20;
            case SMOKE -> 10;
            case POWER -> 400;
            case MANHOLE_COVER -> 15;
            case GAS -> 20;
        };
    }

    static GeoPoint randomPoint(Random rnd) {
        return new GeoPoint(BOUNDS.west() + rnd.nextDouble() * (BOUNDS.east() - BOUNDS.west()),
                BOUNDS.south() + rnd.nextDouble() * (BOUNDS.north() - BOUNDS.south()));
    }

    /** {west, south, east, north} of each community, tiling the box row by row. */
    private static List<double[]> communityCells() {
        List<double[]> cells = new ArrayList<>();
        double h = (BOUNDS.north() - BOUNDS.south()) / COLUMNS_PER_ROW.length;
        for (int row = 0; row < COLUMNS_PER_ROW.length; row++) {
            int cols = COLUMNS_PER_ROW[row];
            double w = (BOUNDS.east() - BOUNDS.west()) / cols;
            double north = BOUNDS.north() - row * h;
            for (int col = 0; col < cols; col++) {
                cells.add(new double[] {BOUNDS.west() + col * w, north - h, BOUNDS.west() + (col + 1) * w, north});
            }
        }
        return cells;
    }

    /** A rectangle whose every edge is cut into {@code perEdge} segments, as surveyed boundaries are. */
    private static Polygon ring(double w, double s, double e, double n, int perEdge) {
        List<GeoPoint> pts = new ArrayList<>(4 * perEdge);
        for (int i = 0; i < perEdge; i++) {
            pts.add(new GeoPoint(w + (e - w) * i / perEdge, s));
        }
        for (int i = 0; i < perEdge; i++) {
            pts.add(new GeoPoint(e, s + (n - s) * i / perEdge));
        }
        for (int i = 0; i < perEdge; i++) {
            pts.add(new GeoPoint(e - (e - w) * i / perEdge, n));
        }
        for (int i = 0; i < perEdge; i++) {
            pts.add(new GeoPoint(w, n - (n - s) * i / perEdge));
        }
        return new Polygon(pts);
    }
}
