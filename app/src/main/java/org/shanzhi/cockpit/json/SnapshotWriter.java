package org.shanzhi.cockpit.json;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.shanzhi.cockpit.domain.Situation;

/**
 * Writes one hub's successive snapshots, {"seq": N, "situation": {...}}, exactly as {@link Json#write} would.
 * A fold keeps every record it did not touch as the same object, so a family member's JSON from the previous
 * snapshot is used again as it is and only what changed since is serialized: with a month of history the
 * situation is about 2 M characters, of which an event changes a few hundred.
 */
public final class SnapshotWriter {

    /** The JSON of the family members written last time and this time, by identity. */
    static final class Pieces {
        private final Map<Object, String> previous;
        private final Map<Object, String> current = new IdentityHashMap<>();

        Pieces(Map<Object, String> previous) {
            this.previous = previous;
        }

        String json(Object member) {
            String j = previous.get(member);
            if (j == null) {
                j = Json.write(member);
            }
            current.put(member, j);
            return j;
        }
    }

    private Map<Object, String> previous = new IdentityHashMap<>();

    public synchronized String write(Situation s) {
        Pieces pieces = new Pieces(previous);
        String situation;
        try {
            situation = Json.MAPPER.writer().withAttribute(Pieces.class, pieces).writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        previous = pieces.current;
        return "{\"seq\":" + s.seq() + ",\"situation\":" + situation + "}";
    }
}
