package org.shanzhi.cockpit.hub.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The drill scripts a hub or a wall can name: the jar's own, and a site's own beside them in {@code ./assets/drills/}. */
public final class ShippedDrills {

    /** The drills inside the jar. */
    public static final List<String> IN_JAR = List.of("crowd-gathering", "storm-530", "waterlogging-underpass");
    /** A shipped drill's name: its file name without {@code .yaml}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ShippedDrills() {
    }

    /** Every name, sorted. */
    public static SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>(IN_JAR);
        try (Stream<Path> local = Files.list(Path.of("assets", "drills"))) {
            local.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .filter(n -> NAME.matcher(n).matches()).forEach(names::add);
        } catch (IOException e) {
            // no local folder: the jar's own
        }
        return names;
    }

    /** The YAML text of the drill {@code name} ({@code ./assets/drills/} first, then the jar), or null when there is none. */
    public static String text(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        Path local = Path.of("assets", "drills", name + ".yaml");
        if (Files.isRegularFile(local)) {
            return Files.readString(local, StandardCharsets.UTF_8);
        }
        try (InputStream in = ShippedDrills.class.getClassLoader().getResourceAsStream("assets/drills/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
