package org.shanzhi.cockpit.wall.replay;

import java.nio.file.Path;
import java.util.function.Function;

import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.recording.Recording;

/**
 * How the wall makes the debrief of the range it replays ({@code build}: the drill's script plan when the range holds
 * a drill, read where the wall is started, since the wall itself reads no drill scripts) and where it keeps the
 * pages it writes ({@code dir}, under the wall's data).
 */
public record Debriefs(Function<Recording.Contents, Debrief> build, Path dir) {
}
