package org.shanzhi.cockpit.hub;

import java.util.List;

/**
 * Batched stream messages made once and shared: subscribers that follow the head wake on the same append and send
 * the same frames, so the first to send a range makes its JSON array and the others send that same text. Each
 * subscriber making its own copy of every message was a quarter of all the hub allocated at 20,000 events/s with ten
 * walls (JFR), and its garbage brought the collector's pauses more often.
 */
final class BatchMessages {

    /** A JSON array of the frames {@code first..last} and its length in UTF-8. */
    record Message(long first, long last, String json, int bytes) {
    }

    /** Few: what is kept here outlives a young collection and is copied by it. */
    private static final int SLOTS = 8;
    /** Recent messages by their first seq; a race only makes a message twice, as records are safely published. */
    private final Message[] recent = new Message[SLOTS];

    /** The message of {@code frames[from..to)}, made now or taken from a subscriber that sent the same range. */
    Message of(List<Hub.Frame> frames, int from, int to) {
        long first = frames.get(from).seq();
        long last = frames.get(to - 1).seq();
        int slot = (int) ((first * 0x9E3779B97F4A7C15L) >>> 61); // appends of equal size start at seqs equal mod 8
        Message m = recent[slot];
        if (m != null && m.first() == first && m.last() == last) {
            return m;
        }
        m = make(frames, from, to);
        recent[slot] = m;
        return m;
    }

    /** A message for one subscriber alone (its frames filtered for its unit). */
    static Message make(List<Hub.Frame> frames, int from, int to) {
        int chars = to - from + 1;
        int bytes = to - from + 1; // the brackets and commas
        for (int i = from; i < to; i++) {
            chars += frames.get(i).json().length();
            bytes += frames.get(i).bytes();
        }
        StringBuilder b = new StringBuilder(chars).append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(',');
            }
            b.append(frames.get(i).json());
        }
        return new Message(frames.get(from).seq(), frames.get(to - 1).seq(), b.append(']').toString(), bytes);
    }
}
