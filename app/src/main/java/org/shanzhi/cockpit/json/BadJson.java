package org.shanzhi.cockpit.json;

/** JSON that does not map onto the domain; {@code field} is the path of the culprit, e.g. {@code events[2].payload.at.lat}. */
public final class BadJson extends RuntimeException {

    private final String field;

    public BadJson(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
