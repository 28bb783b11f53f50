package org.shanzhi.cockpit.wall.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.shanzhi.cockpit.json.LocatedTree;

/**
 * Reads wall layouts ({@code <name>.json}) from a layouts directory or from the copy inside the jar,
 * checks each against {@code layout.schema.json} and then against what a schema cannot say
 * (placements inside the grid, no overlaps, unique screen ids, wall positions), and returns the
 * layout or every error found, each with file, line, column and field.
 *
 * <p>The schema used is the one built into the jar, so the program never accepts what its model
 * cannot hold; the copy beside the layouts is the same file, there for editors.
 */
public final class LayoutLoader {

    /** The system property naming the layouts directory. */
    public static final String LAYOUTS_PROPERTY = "shanzhi.layouts";
    public static final String SCHEMA_FILE = "layout.schema.json";
    static final String CLASSPATH_FOLDER = "layouts/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JsonSchema schema;

    private final Path directory;
    /** The layouts inside the jar, listed once: they cannot change while it runs. */
    private List<String> inJar;

    private LayoutLoader(Path directory) {
        this.directory = directory;
    }

    /** The layouts directory named by {@code -Dshanzhi.layouts}, else {@code ./layouts}, else the jar's copy. */
    public static LayoutLoader standard() {
        String property = System.getProperty(LAYOUTS_PROPERTY);
        if (property != null && !property.isBlank()) {
            return of(Paths.get(property));
        }
        Path local = Paths.get("layouts");
        return Files.isDirectory(local) ? of(local) : fromClasspath();
    }

    public static LayoutLoader of(Path directory) {
        return new LayoutLoader(directory.toAbsolutePath().normalize());
    }

    public static LayoutLoader fromClasspath() {
        return new LayoutLoader(null);
    }

    /** The directory the layouts are read from; empty when they come from inside the jar (nothing to watch). */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The names of the layouts there, sorted: the file names without {@code .json}, the schema left out. */
    public List<String> available() {
        try {
            if (directory != null) {
                return names(directory);
            }
            if (inJar == null) {
                inJar = namesOnClasspath();
            }
            return inJar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> namesOnClasspath() throws IOException, URISyntaxException {
        URL url = LayoutLoader.class.getClassLoader().getResource(CLASSPATH_FOLDER + SCHEMA_FILE);
        if (url == null) {
            return List.of();
        }
        if (!(url.openConnection() instanceof JarURLConnection inJar)) {
            return names(Paths.get(url.toURI()).getParent());
        }
        // the jar read as a zip file shares the class loader's index of its entries; a jar file system would index
        // its 22,000 entries again and keep that open (~3 MB of heap) for a list of eight names
        try (JarFile jar = new JarFile(Paths.get(inJar.getJarFileURL().toURI()).toFile())) {
            return names(jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(CLASSPATH_FOLDER) && n.indexOf('/', CLASSPATH_FOLDER.length()) < 0)
                    .map(n -> n.substring(CLASSPATH_FOLDER.length())));
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return names(files.map(f -> f.getFileName().toString()));
        }
    }

    private static List<String> names(Stream<String> fileNames) {
        return fileNames.filter(LayoutLoader::isLayoutFile)
                .map(f -> f.substring(0, f.length() - ".json".length()))
                .sorted()
                .toList();
    }

    /** A layout's file name: {@code <name>.json}, not the schema, not an editor's hidden temp file. */
    static boolean isLayoutFile(String fileName) {
        return fileName.endsWith(".json") && !fileName.equals(SCHEMA_FILE)
                && NAME.matcher(fileName.substring(0, fileName.length() - ".json".length())).matches();
    }

    /** The layout {@code name} from this loader's directory (or the jar). */
    public LayoutResult load(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a layout name: '" + name + "'");
        }
        String file = name + ".json";
        if (directory != null) {
            return load(directory.resolve(file));
        }
        try (InputStream in = LayoutLoader.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + file)) {
            if (in == null) {
                return unreadable(name, file, "no such layout; available: " + String.join(", ", available()));
            }
            return check(file, "classpath:" + CLASSPATH_FOLDER + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return unreadable(name, file, "cannot read: " + e);
        }
    }

    /** A layout file anywhere. */
    public LayoutResult load(Path file) {
        String fileName = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = Files.exists(file) ? "cannot read: " + e : "no such file";
            return unreadable(baseName(fileName), fileName, why);
        }
        return check(fileName, file.toAbsolutePath().toString(), text);
    }

    /** Checks layout text as if read from {@code fileName}; {@code source} goes into the layout. */
    public static LayoutResult check(String fileName, String source, String text) {
        String name = baseName(fileName);
        LocatedTree json;
        try {
            json = LocatedTree.parse(LocatedTree.JSON, text, "unexpected content after the end of the layout");
        } catch (LocatedTree.Malformed m) {
            return new LayoutResult.Refused(name, List.of(
                    new LayoutError(fileName, m.location.line(), m.location.column(), m.field, m.getMessage())));
        }
        List<LayoutError> errors = new ArrayList<>();
        for (ValidationMessage m : schema().validate(json.root)) {
            errors.add(schemaError(fileName, json, m));
        }
        if (errors.isEmpty()) {
            WallLayout layout = LayoutRules.read(json.root, source);
            for (LayoutRules.Violation v : LayoutRules.check(layout, name)) {
                LocatedTree.Location at = v.atName() ? json.nameAt(v.field()) : json.valueAt(v.field());
                errors.add(new LayoutError(fileName, at.line(), at.column(), v.field(), v.message()));
            }
            if (errors.isEmpty()) {
                return new LayoutResult.Loaded(layout);
            }
        }
        errors.sort(Comparator.comparingInt(LayoutError::line).thenComparingInt(LayoutError::column)
                .thenComparing(LayoutError::field).thenComparing(LayoutError::message));
        return new LayoutResult.Refused(name, errors.stream().distinct().toList());
    }

    private static LayoutError schemaError(String fileName, LocatedTree json, ValidationMessage m) {
        String field = field(m.getInstanceLocation());
        String message = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        LocatedTree.Location at;
        String type = m.getType();
        if (("additionalProperties".equals(type) || "unevaluatedProperties".equals(type)) && m.getProperty() != null) {
            // point at the unknown member's name, where the reader has to look
            field = LocatedTree.child(field, m.getProperty());
            at = json.nameAt(field);
            message = "unknown property (not in layout.schema.json)";
        } else if ("required".equals(type) && m.getProperty() != null) {
            // the missing member has no place; point at the object that lacks it
            at = json.valueAt(field);
            field = LocatedTree.child(field, m.getProperty());
            message = "required but missing";
        } else {
            at = json.valueAt(field);
        }
        return new LayoutError(fileName, at.line(), at.column(), field, message);
    }

    private static String field(JsonNodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer) {
                b.append('[').append(element).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(element);
            }
        }
        return b.toString();
    }

    private static LayoutResult unreadable(String name, String file, String why) {
        return new LayoutResult.Refused(name, List.of(new LayoutError(file, 0, 0, "", why)));
    }

    static String baseName(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    }

    /** The schema built into the jar; with no jar copy (an IDE run without resources), the one in ./layouts. */
    /** Reads the layouts' schema now (it is read once, on first use), e.g. while the wall's toolkit starts. */
    public static void prepare() {
        schema();
    }

    static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            synchronized (LayoutLoader.class) {
                s = schema;
                if (s == null) {
                    schema = s = readSchema();
                }
            }
        }
        return s;
    }

    private static JsonSchema readSchema() {
        try (InputStream in = LayoutLoader.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + SCHEMA_FILE)) {
            JsonNode node;
            if (in != null) {
                node = MAPPER.readTree(in);
            } else {
                node = MAPPER.readTree(Paths.get("layouts", SCHEMA_FILE).toFile());
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the layout schema", e);
        }
    }
}
