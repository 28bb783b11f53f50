package org.shanzhi.cockpit.hub.drill;

/**
 * One reason a drill script was refused: the file (empty for an inject added during a run), the line and
 * column (from 1; 0 when the file could not be read at all, or for an added inject), the field path (e.g. {@code injects[3].events[0].payload.cameraId}) and what is wrong.
 */
public record DrillError(String file, int line, int column, String field, String message) {

    /** {@code storm-530.yaml:42:17 injects[3].after: no inject with id 'x'} */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column + " " : file.isEmpty() ? "" : file + " ";
        return where + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
