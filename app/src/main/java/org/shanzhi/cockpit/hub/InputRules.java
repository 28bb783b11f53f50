package org.shanzhi.cockpit.hub;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the hub accepts from a client beyond the JSON shape, checked on every event and command
 * body before it can reach the journal: numbers are finite, times lie in the years 2000–2099,
 * identifiers are short plain words that fit in a URL path, texts are bounded and free of control
 * characters, lists are bounded, a camera's stream is a network or hub address. A value that
 * breaks a rule is a {@link BadRequest} naming its field.
 */
public final class InputRules {

    static final int MAX_ID = 64;
    static final int MAX_TEXT = 2000;
    static final int MAX_LIST = 10_000;
    /** Photos on one report (each uploaded on its own, ≤ 10 MB). */
    static final int MAX_PHOTOS = 20;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;
    /** Letters of any script, digits and - _ . : — nothing a path, a query or markup gives meaning to. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_.:-]{1," + MAX_ID + "}");
    private static final Pattern STREAM = Pattern.compile("(rtsps?|https?)://[^\\s]+|/video/[^\\s]+");
    /** Relative image coordinates and scores, as the API documents them. */
    private static final List<String> UNIT_INTERVAL = List.of("confidence", "x", "y", "w", "h");

    private InputRules() {
    }

    /** Each record type's components, looked up once: every event of an ingest batch is checked. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** Checks {@code value} (a record from a request body) and everything inside it. */
    public static void check(Object value, String path) {
        try {
            checkValue(value);
        } catch (BadRequest e) {
            throw new BadRequest(e.status(), path + e.field(), e.getMessage());
        }
    }

    // The checks below throw with the field's path below the value they check, made only on the way out of a
    // refusal: a valid body (nearly every one) builds no path at all.

    private static void checkValue(Object value) {
        if (value instanceof Record r) {
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                try {
                    checkComponent(c.getName(), v);
                } catch (BadRequest e) {
                    throw new BadRequest(e.status(), "." + c.getName() + e.field(), e.getMessage());
                }
            }
        }
    }

    private static void checkComponent(String name, Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new BadRequest("", name + " must be a finite number");
            }
            if (UNIT_INTERVAL.contains(name) && (d < 0 || d > 1)) {
                throw new BadRequest("", name + " must be within 0..1, got " + d);
            }
        } else if (v instanceof Instant t) {
            int year = t.atOffset(ZoneOffset.UTC).getYear();
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new BadRequest("", name + " must lie in the years " + FIRST_YEAR + "–" + LAST_YEAR + ", got " + t);
            }
        } else if (v instanceof String s) {
            checkString(name, s);
        } else if (v instanceof List<?> list) {
            int max = name.equals("photos") ? MAX_PHOTOS : MAX_LIST;
            if (list.size() > max) {
                throw new BadRequest("", name + " may hold at most " + max + " items, got " + list.size());
            }
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                try {
                    if (item instanceof String s) {
                        checkString(name, s);
                    } else {
                        checkValue(item);
                    }
                } catch (BadRequest e) {
                    throw new BadRequest(e.status(), "[" + i + "]" + e.field(), e.getMessage());
                }
            }
        } else {
            checkValue(v);
        }
    }

    private static void checkString(String name, String s) {
        if (isId(name)) {
            if (!ID.matcher(s).matches()) {
                throw new BadRequest("", name + " must be 1–" + MAX_ID + " letters, digits or - _ . : (an identifier)");
            }
        } else if (name.equals("streamUrl")) {
            if (s.length() > MAX_TEXT || !STREAM.matcher(s).matches()) {
                throw new BadRequest("", "streamUrl must be an rtsp://, rtsps://, http:// or https:// address,"
                        + " or a hub path /video/…");
            }
        } else {
            if (s.length() > MAX_TEXT) {
                throw new BadRequest("", name + " may be at most " + MAX_TEXT + " characters, got " + s.length());
            }
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isISOControl(ch) && ch != '\n' && ch != '\t') {
                    throw new BadRequest("", name + " holds a control character (U+"
                            + String.format("%04X", (int) ch) + ") at " + i);
                }
            }
        }
    }

    /** Fields that name a thing rather than describe it: id, …Id, …Code, code, orderNo, mergedInto, photos' items. */
    private static boolean isId(String name) {
        return name.equals("id") || name.endsWith("Id") || name.endsWith("Code") || name.equals("code")
                || name.equals("orderNo") || name.equals("mergedInto") || name.equals("photos");
    }
}
