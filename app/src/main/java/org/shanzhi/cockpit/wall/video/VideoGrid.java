package org.shanzhi.cockpit.wall.video;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.VideoAlarms.VideoAlarm;
import org.shanzhi.cockpit.domain.VideoAlarms;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * What the video grid shows where, decided with no JavaFX and no player: the alarm on its tile, the cameras chosen
 * by hand on theirs, the tour's page of the group in the rest; the queue of alarms and the one shown; pins; the tile
 * maximised. {@link VideoWidget} draws it and hands it the operator's input. Plain data, one thread (the FX thread).
 * <p>
 * New AI alerts and sensor alarms ({@link VideoAlarms#newVideoAlarms}) queue for the alarm tile and come up one after
 * another, each for {@code alarmSeconds} of the wall's clock unless it is cleared sooner; the one coming up is told
 * to the listener (the wall's maps centre there). A camera chosen by hand stays on its tile until cleared; a pinned
 * tile is never taken by alarms; a camera is on one tile only.
 * <p>
 * What people watch for a length of time runs on the wall's clock (real time), not the situation's: a live hub at
 * {@code --speed 60} or a fast replay races the situation's time, and a tour on it would turn pages faster than a
 * stream can open.
 */
final class VideoGrid {

    static final String KEY_POINTS = "key-points";
    static final String ALL = "all";
    static final String UNITS = "units";
    /** Alarms waiting beyond this many are dropped, oldest first: a storm must not bury the wall for hours. */
    static final int MAX_QUEUED = 50;
    /** How many alarm ids are remembered so that one is never queued twice. */
    private static final int SEEN = 10_000;

    /**
     * The layout's options: {@code split} (1, 4, 9 or 16 tiles), {@code group} ({@code key-points}: the AI cameras;
     * {@code all}; {@code units}; or a community code), {@code tourSeconds} (轮巡: the next page of the group every so
     * many seconds of the wall's clock; 0: no tour), {@code alarmTile} (the tile alarms go to, from 0; -1: the least
     * important one, the last that is neither pinned nor chosen by hand) and {@code alarmSeconds} (how long of
     * the wall's clock an alarm stays up).
     */
    record Options(int split, String group, int tourSeconds, int alarmTile, int alarmSeconds) {

        static Options of(Placement placement) {
            return placement == null ? of((JsonNode) null) : of(placement.options());
        }

        /** Read leniently: what is missing or out of range takes its default. */
        static Options of(JsonNode options) {
            JsonNode o = options == null ? MissingNode.getInstance() : options;
            int s = o.path("split").asInt(4);
            int split = s == 1 || s == 4 || s == 9 || s == 16 ? s : 4;
            String g = o.path("group").asText(KEY_POINTS);
            int t = o.path("tourSeconds").asInt(0);
            int a = o.path("alarmTile").asInt(0);
            return new Options(split, g.isBlank() ? KEY_POINTS : g, t <= 0 ? 0 : Math.max(5, t),
                    a < 0 || a >= split ? -1 : a, Math.max(5, o.path("alarmSeconds").asInt(60)));
        }

        /** Tiles per row and per column. */
        int side() {
            return (int) Math.round(Math.sqrt(split));
        }
    }

    private final Options options;
    private final int split;
    /** Told each alarm as it comes up on its tile. */
    private final Consumer<VideoAlarm> comingUp;
    /** The camera chosen by hand for each tile (dropped, or opened from elsewhere); null: the tour's. */
    private final String[] chosen;
    private final boolean[] pinned;
    /** What each tile shows (null: vacant). */
    private final Camera[] shown;

    private Situation last = Situation.empty();
    /** The wall's clock when the grid last took a situation or a tick. */
    private Instant lastNow = Instant.EPOCH;
    private PMap<String, Camera> camerasOf;
    private List<Camera> members = List.of();
    private Instant tourStart;
    private int page;
    private int pageCount = 1;
    private final Deque<VideoAlarm> queue = new ArrayDeque<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private VideoAlarm current;
    private Instant currentUntil;
    private int currentTile = -1;
    private int maximised = -1;

    VideoGrid(Options options, Consumer<VideoAlarm> comingUp) {
        this.options = options;
        this.split = options.split();
        this.comingUp = comingUp;
        this.chosen = new String[split];
        this.pinned = new boolean[split];
        this.shown = new Camera[split];
    }

    Options options() {
        return options;
    }

    /**
     * Takes a situation at {@code now} on the wall's clock, each pulse: queues its new alarms, ends the one shown
     * when it is cleared or its time is up, brings up the next, turns the tour's page and places the cameras. False
     * when nothing shown changed: the same situation, the same page, the same alarm.
     */
    boolean show(Situation s, Instant now) {
        if (s == null) {
            return false;
        }
        boolean fresh = s != last || camerasOf == null;
        VideoAlarm before = current;
        int pageBefore = page;
        lastNow = now;
        if (fresh) {
            queueNewAlarms(last, s);
            last = s;
            if (s.cameras() != camerasOf) {
                camerasOf = s.cameras();
                members = members(s);
            }
        }
        takeAlarms(s, now);
        pageCount = Math.max(1, (members.size() + split - 1) / split);
        page = tourPage(s, now, pageCount);
        if (!fresh && page == pageBefore && current == before) {
            return false;
        }
        place(s);
        return true;
    }

    /** Queues the alarms new in {@code s}; one raised more than {@code alarmSeconds} before it (of its own time) is old. */
    private void queueNewAlarms(Situation before, Situation s) {
        for (VideoAlarm a : VideoAlarms.newVideoAlarms(before, s)) {
            boolean recent = a.raisedAt() == null
                    || !a.raisedAt().isBefore(s.time().minusSeconds(options.alarmSeconds()));
            if (recent && seen.add(a.id())) {
                queue.addLast(a);
            }
        }
    }

    /** Ends the alarm shown when it is cleared or its time on the wall's clock is up, and brings up the next. */
    private void takeAlarms(Situation s, Instant now) {
        while (seen.size() > SEEN) {
            seen.remove(seen.iterator().next());
        }
        while (queue.size() > MAX_QUEUED) {
            queue.removeFirst();
        }
        queue.removeIf(a -> !a.standsIn(s));
        if (current != null && (!current.standsIn(s) || !now.isBefore(currentUntil))) {
            current = null;
            currentTile = -1;
        }
        if (current == null && !queue.isEmpty()) {
            int tile = alarmTileIndex();
            if (tile >= 0) {
                current = queue.removeFirst();
                currentTile = tile;
                currentUntil = now.plusSeconds(options.alarmSeconds());
                if (maximised >= 0 && maximised != tile) {
                    maximised = -1; // the alarm's tile must be seen: the grid comes back
                }
                comingUp.accept(current);
            }
        }
    }

    /** The layout's alarm tile if it is free to take, else the least important one; -1 when all are pinned. */
    private int alarmTileIndex() {
        int preferred = options.alarmTile();
        if (preferred >= 0 && !pinned[preferred]) {
            return preferred;
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!pinned[i] && chosen[i] == null) {
                return i;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!pinned[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The alarm on its tile, the cameras chosen by hand on theirs, the tour's page in the rest. */
    private void place(Situation s) {
        Arrays.fill(shown, null);
        Set<String> taken = new HashSet<>();
        if (current != null) {
            shown[currentTile] = s.cameras().get(current.cameraId());
            taken.add(current.cameraId());
        }
        for (int i = 0; i < split; i++) {
            if (i != currentTile && chosen[i] != null && s.cameras().containsKey(chosen[i])
                    && taken.add(chosen[i])) { // a camera is on one tile only: one stream each
                shown[i] = s.cameras().get(chosen[i]);
            }
        }
        int next = page * split;
        int end = Math.min(members.size(), (page + 1) * split);
        for (int i = 0; i < split; i++) {
            if (shown[i] != null || i == currentTile || chosen[i] != null) {
                continue;
            }
            while (next < end && taken.contains(members.get(next).id())) {
                next++;
            }
            if (next < end) {
                shown[i] = members.get(next++);
            }
        }
    }

    /**
     * Puts {@code cameraId} on tile {@code index} until cleared (null clears it: the tour's camera again); false,
     * and nothing changes, for a camera the situation does not know.
     */
    boolean choose(int index, String cameraId) {
        if (cameraId != null && !last.cameras().containsKey(cameraId)) {
            return false;
        }
        chosen[index] = cameraId;
        place(last);
        return true;
    }

    /** A camera opened from elsewhere on the wall: on the least important tile, or where it already is. */
    void open(String cameraId) {
        if (!last.cameras().containsKey(cameraId) || current != null && cameraId.equals(current.cameraId())) {
            return;
        }
        for (int i = 0; i < split; i++) {
            if (cameraId.equals(chosen[i])) {
                return;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!pinned[i] && i != currentTile && chosen[i] == null) {
                choose(i, cameraId);
                return;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!pinned[i] && i != currentTile) {
                choose(i, cameraId);
                return;
            }
        }
    }

    /** Pins or unpins a tile: a pinned tile keeps its picture, and the alarm on it moves to another. */
    void pin(int index, boolean value) {
        pinned[index] = value;
        if (value && index == currentTile) {
            // the operator keeps this picture: the alarm moves to another tile
            VideoAlarm a = current;
            current = null;
            currentTile = -1;
            if (a != null) {
                queue.addFirst(a);
            }
        }
        if (current == null) {
            takeAlarms(last, lastNow); // a tile freed, or the alarm moved: the waiting alarm may come up
        }
        place(last);
    }

    /** Maximises a tile over the whole grid, or brings the grid back when it is the one maximised. */
    void toggleMaximised(int index) {
        maximised = maximised == index ? -1 : index;
    }

    /** One tile over the whole grid (-1: the grid). */
    void maximise(int index) {
        maximised = index;
    }

    /**
     * The page of the tour at {@code now} on the wall's clock: one page further every {@code tourSeconds} after the
     * first situation with cameras.
     */
    private int tourPage(Situation s, Instant now, int pages) {
        if (options.tourSeconds() == 0 || pages == 1 || s.time().equals(Situation.EPOCH)) {
            return 0;
        }
        if (tourStart == null || now.isBefore(tourStart)) {
            tourStart = now; // a wall clock set back starts the tour again
        }
        long steps = Duration.between(tourStart, now).getSeconds() / options.tourSeconds();
        return (int) (steps % pages);
    }

    private List<Camera> members(Situation s) {
        List<Camera> out = new ArrayList<>();
        String group = options.group();
        for (Camera c : s.cameras().values()) {
            boolean in = switch (group) {
                case KEY_POINTS -> c.ai();
                case ALL -> true;
                default -> group.equals(c.communityCode());
            };
            if (in) {
                out.add(c);
            }
        }
        return out;
    }

    // --- what to draw --------------------------------------------------------------------------------

    /** The situation taken last. */
    Situation situation() {
        return last;
    }

    int split() {
        return split;
    }

    /** The camera on a tile, or null when it is vacant. */
    Camera camera(int index) {
        return shown[index];
    }

    /** The cameras shown, tile by tile (null for a vacant tile). */
    List<String> cameraIds() {
        List<String> out = new ArrayList<>();
        for (Camera c : shown) {
            out.add(c == null ? null : c.id());
        }
        return out;
    }

    /** The alarm shown on a tile, or null. */
    VideoAlarm alarm(int index) {
        return index == currentTile ? current : null;
    }

    /** The alarm shown now, or null. */
    VideoAlarm current() {
        return current;
    }

    /** The tile of the alarm shown now, or -1. */
    int currentTile() {
        return currentTile;
    }

    /** Alarms waiting for the alarm tile. */
    int queued() {
        return queue.size();
    }

    boolean pinned(int index) {
        return pinned[index];
    }

    /** The camera chosen by hand for a tile, or null. */
    String chosen(int index) {
        return chosen[index];
    }

    /** Whether no tile has a camera chosen by hand. */
    boolean noneChosen() {
        return Arrays.stream(chosen).allMatch(Objects::isNull);
    }

    /** The tile maximised over the grid, or -1. */
    int maximised() {
        return maximised;
    }

    /** The cameras of the group. */
    List<Camera> members() {
        return members;
    }

    /** The tour's page shown, from 0. */
    int page() {
        return page;
    }

    int pageCount() {
        return pageCount;
    }
}
