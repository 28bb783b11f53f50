package org.shanzhi.cockpit.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.recording.Recording;

/**
 * A recording read for replay, indexed by position: position {@code p} is the situation with the range's first
 * {@code p} events applied (0: the situation just before the range). Plain data, immutable, no clock.
 * <p>
 * The replay's time at a position is the latest event time so far: the hub keeps its events in seq order, and an
 * event ingested with its own source time may carry a time a little before the one ahead of it; the running maximum
 * keeps time and position both growing, so both can be found by binary search.
 */
public final class Replay {

    private final Recording.Contents contents;
    private final List<Recorded> events;
    /** {@code times[i]}: the replay time of event i (epoch millis), never decreasing. */
    private final long[] times;
    /** {@code snapshotAt[k]}: the position snapshot k stands at. */
    private final int[] snapshotAt;
    private final List<Marker> markers;
    /** Each marker's position, for binary search. */
    private final int[] markerAt;
    private final Instant start;
    private final Instant end;

    public Replay(Recording.Contents contents) {
        if (contents.events().isEmpty()) {
            throw new IllegalArgumentException("the recording holds no events");
        }
        this.contents = contents;
        this.events = contents.events();
        this.times = new long[events.size()];
        List<Marker> ms = new ArrayList<>();
        long max = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            Recorded r = events.get(i);
            max = Math.max(max, r.time().toEpochMilli());
            times[i] = max;
            // an event a drill made is one of its injects (the trainees' answers are not drill-marked)
            Marker m = r.drill() != null ? new Marker(Marker.Kind.INJECT, i + 1, Instant.ofEpochMilli(max), r.drill())
                    : Marker.of(r.event(), i + 1, Instant.ofEpochMilli(max));
            if (m != null) {
                ms.add(m);
            }
        }
        this.markers = List.copyOf(ms);
        this.markerAt = ms.stream().mapToInt(Marker::position).toArray();
        List<Recording.Snapshot> snaps = contents.snapshots();
        this.snapshotAt = new int[snaps.size()];
        int i = 0;
        for (int k = 0; k < snaps.size(); k++) {
            while (i < events.size() && events.get(i).seq() <= snaps.get(k).seq()) {
                i++;
            }
            snapshotAt[k] = i;
        }
        Instant from = contents.header().from();
        Instant first = Instant.ofEpochMilli(times[0]);
        this.start = from != null && from.isBefore(first) ? from : first;
        this.end = Instant.ofEpochMilli(times[times.length - 1]);
    }

    /** The recording as read: its events and snapshots (the debrief reads them whole). */
    public Recording.Contents contents() {
        return contents;
    }

    public Recording.Header header() {
        return contents.header();
    }

    /** What was lost when a damaged file was read up to its damage, else null. */
    public String warning() {
        return contents.warning();
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** How many events: the last position. */
    public int size() {
        return events.size();
    }

    public Recorded event(int i) {
        return events.get(i);
    }

    /** The replay time at a position (the start at 0). */
    public Instant timeAt(int position) {
        return position == 0 ? start : Instant.ofEpochMilli(times[position - 1]);
    }

    /** The position at time {@code t}: every event with a replay time at or before it applied. */
    public int positionAt(Instant t) {
        long ms = t.toEpochMilli();
        int lo = 0;
        int hi = times.length; // the first index with a time after t
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The situation at a position: from the nearest snapshot at or before it, the events after folded. */
    public Situation situationAt(int position) {
        int k = snapshotBefore(position);
        return foldOn(contents.snapshots().get(k).situation(), snapshotAt[k], position);
    }

    /**
     * The situation at {@code to} reached from {@code from}'s situation {@code s}: folded on when that is shorter
     * than from the nearest snapshot, else from the snapshot.
     */
    public Situation move(Situation s, int from, int to) {
        int k = snapshotBefore(to);
        if (to >= from && from >= snapshotAt[k]) {
            return foldOn(s, from, to);
        }
        return foldOn(contents.snapshots().get(k).situation(), snapshotAt[k], to);
    }

    /** The index of the last snapshot at or before {@code position}, by binary search. */
    int snapshotBefore(int position) {
        if (position < 0 || position > events.size()) {
            throw new IllegalArgumentException("position " + position + " is outside 0.." + events.size());
        }
        int lo = 0;
        int hi = snapshotAt.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (snapshotAt[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private Situation foldOn(Situation s, int from, int to) {
        for (int i = from; i < to; i++) {
            s = s.apply(events.get(i));
        }
        return s;
    }

    /** The moments the timeline marks, in time order. */
    public List<Marker> markers() {
        return markers;
    }

    /** The first marker after {@code position}, or null. */
    public Marker markerAfter(int position) {
        int i = firstMarkerAfter(position);
        return i < markers.size() ? markers.get(i) : null;
    }

    /** The last marker before {@code position}, or null. */
    public Marker markerBefore(int position) {
        int i = firstMarkerAfter(position - 1) - 1;
        return i >= 0 ? markers.get(i) : null;
    }

    private int firstMarkerAfter(int position) {
        int i = Arrays.binarySearch(markerAt, position + 1);
        return i >= 0 ? i : -i - 1;
    }

    /** How many events fall in each of {@code bins} equal stretches of the replay's time (the density strip). */
    public int[] density(int bins) {
        int[] out = new int[bins];
        long span = Math.max(1, end.toEpochMilli() - start.toEpochMilli());
        int before = 0;
        for (int b = 0; b < bins; b++) {
            long upTo = start.toEpochMilli() + span * (b + 1) / bins;
            int at = b == bins - 1 ? events.size() : positionAt(Instant.ofEpochMilli(upTo));
            out[b] = at - before;
            before = at;
        }
        return out;
    }
}
