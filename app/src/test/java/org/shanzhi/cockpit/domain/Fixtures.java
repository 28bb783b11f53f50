package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small district to fold in tests: two communities, three cameras (one with AI), two units, a sensor. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-05-30T00:00:00Z");
    public static final Bounds BOUNDS = new Bounds(116.372, 39.803, 116.419, 39.831);
    public static final GeoPoint WEST = new GeoPoint(116.380, 39.815);
    public static final GeoPoint EAST = new GeoPoint(116.410, 39.815);

    private Fixtures() {
    }

    public static List<Event> inventory() {
        List<Event> e = new ArrayList<>();
        e.add(new Event.DistrictDefined(new District("110106016", "和义街道", 48000, 6.78, BOUNDS)));
        e.add(new Event.CommunityRegistered(new Community("110106016001", "西社区", 24000, 9000,
                rect(116.372, 39.803, 116.395, 39.831), false)));
        e.add(new Event.CommunityRegistered(new Community("110106016002", "东社区", 24000, 9000,
                rect(116.395, 39.803, 116.419, 39.831), false)));
        e.add(new Event.GridRegistered(new Grid("110106016001001", Grid.Kind.GOVERNANCE, "110106016001",
                rect(116.372, 39.803, 116.395, 39.831))));
        e.add(new Event.CameraRegistered(new Camera("CAM-1", "西门", WEST, null, true, true, "/video/CAM-1.mjpg")));
        e.add(new Event.CameraRegistered(new Camera("CAM-2", "东门", EAST, null, false, true, "/video/CAM-2.mjpg")));
        e.add(new Event.CameraRegistered(new Camera("CAM-3", "北门", EAST, null, false, false, "/video/CAM-3.mjpg")));
        e.add(new Event.SensorRegistered(new Sensor("S-1", Sensor.Kind.WATER_LEVEL, EAST, null, 20, 0, false, null)));
        e.add(new Event.UnitRegistered(new FieldUnit("U-1", "网格员一", FieldUnit.Role.GRID_WORKER, UnitStatus.AVL,
                WEST, 0, null, null, false)));
        e.add(new Event.UnitRegistered(new FieldUnit("U-2", "城管二", FieldUnit.Role.ENFORCEMENT, UnitStatus.OFF,
                EAST, 0, null, null, false)));
        return e;
    }

    public static Polygon rect(double w, double s, double e, double n) {
        return new Polygon(List.of(new GeoPoint(w, s), new GeoPoint(e, s), new GeoPoint(e, n), new GeoPoint(w, n)));
    }

    /** Folds events one minute apart, after the situation's seq. */
    public static Situation fold(Situation s, List<Event> events) {
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, T0.plusSeconds(60 * (s.seq() + 1)), e));
        }
        return s;
    }

    /** A 12345 order taken round to its reply, then its 回访 with these answers. */
    public static List<Event> revisited(String no, boolean responded, Complaint.Resolution resolved,
                                        Complaint.Satisfaction satisfaction) {
        List<Event> events = new ArrayList<>();
        events.add(new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "物业管理",
                Complaint.Priority.NORMAL, EAST, null, false));
        for (ComplaintState st : List.of(ComplaintState.DISPATCHED, ComplaintState.SIGNED,
                ComplaintState.CONTACTED, ComplaintState.IN_PROGRESS, ComplaintState.REPLIED)) {
            events.add(new Event.ComplaintAdvanced(no, st));
        }
        events.add(new Event.ComplaintRevisited(no, responded, resolved, satisfaction));
        return events;
    }

    public static Situation district() {
        return fold(Situation.empty(), inventory());
    }

    public static Situation with(Situation s, Event... events) {
        return fold(s, List.of(events));
    }
}
