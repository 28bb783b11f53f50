package org.shanzhi.cockpit.wall.layout;

/**
 * One reason a layout was refused: the file, the line and column in it (from 1; 0 when the file
 * could not be read at all), the field path
 * (e.g. {@code screens[2].widgets[1].columnSpan}, empty for the whole document) and what is wrong.
 */
public record LayoutError(String file, int line, int column, String field, String message) {

    /** {@code wall-3x2.json:42:17 screens[2].widgets[1].columnSpan: must be ≤ 3 (…)} */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + " " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
