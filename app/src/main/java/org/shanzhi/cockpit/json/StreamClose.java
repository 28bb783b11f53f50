package org.shanzhi.cockpit.json;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Why the hub closes a stream: the WebSocket close code and a word that begins the close reason
 * ({@code "beyond_head: since 12 is beyond the head 9; take a snapshot"}), so that clients act on
 * the word, not on the wording after it. Shared by the hub and its clients.
 */
public enum StreamClose {
    /** {@code since} is not a whole number. */
    BAD_SINCE(1008, "bad_since"),
    /** {@code since} lies beyond the hub's head: the client knows a different or a reset journal. */
    BEYOND_HEAD(1008, "beyond_head"),
    /** {@code batch} is neither true nor false. */
    BAD_BATCH(1008, "bad_batch"),
    /** The subscriber did not take what was sent in time; it resumes with the seq the reason names. */
    TOO_SLOW(1008, "too_slow"),
    /** The unit's own token this stream was opened with was revoked or replaced: it needs a new one. */
    REVOKED(1008, "revoked"),
    /** The hub serves as many subscribers as it may; try again later. */
    FULL(1013, "full"),
    /** A frame could not be sent; resume from the last seq received. */
    SEND_FAILED(1011, "send_failed"),
    /** The hub failed; resume from the last seq received. */
    SERVER_ERROR(1011, "server_error");

    public final int code;
    public final String word;

    StreamClose(int code, String word) {
        this.code = code;
        this.word = word;
    }

    /** The close reason: the word, then what a person reads. A WebSocket reason holds at most 123 bytes. */
    public String reason(String detail) {
        String r = word + ": " + detail;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** The named close behind a received code and reason, if the hub sent one. */
    public static Optional<StreamClose> of(int code, String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (StreamClose c : values()) {
            if (c.code == code && (reason.equals(c.word) || reason.startsWith(c.word + ":"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
