package org.shanzhi.cockpit.hub.drill;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document read with Jackson's streaming parser so that every value remembers where it starts:
 * errors found later (by the schema or by the drill rules) name the line and column. Paths are written
 * as in error messages: {@code injects[2].events[0].payload.cameraId}, {@code ""} for the root. The
 * wall's layouts do the same for JSON ({@code wall/layout/LocatedJson}).
 */
final class LocatedYaml {

    record Location(int line, int column) {
        static final Location START = new Location(1, 1);
    }

    /** Malformed YAML: where the parser stopped and its complaint. */
    static final class Malformed extends Exception {
        final Location location;

        Malformed(Location location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final JsonNode root;
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> names = new HashMap<>();

    private LocatedYaml(String text) throws Malformed {
        try (JsonParser p = FACTORY.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            if (p.nextToken() == null) {
                throw new Malformed(Location.START, "the file is empty");
            }
            root = read(p, "");
            if (p.nextToken() != null) {
                throw new Malformed(at(p.currentTokenLocation()), "a drill script is one YAML document");
            }
        } catch (JsonProcessingException e) {
            throw new Malformed(at(e.getLocation()), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Malformed(Location.START, String.valueOf(e.getMessage()));
        }
    }

    static LocatedYaml parse(String text) throws Malformed {
        return new LocatedYaml(text);
    }

    /** Where the value at {@code field} starts; for a field that is absent, where its nearest parent starts. */
    Location valueAt(String field) {
        for (String f = field; ; f = parent(f)) {
            Location l = values.get(f);
            if (l != null) {
                return l;
            }
            if (f.isEmpty()) {
                return Location.START;
            }
        }
    }

    /** Where the member name of {@code field} starts (its value's start when it is an array item or absent). */
    Location nameAt(String field) {
        Location l = names.get(field);
        return l != null ? l : valueAt(field);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        values.put(path, at(p.currentTokenLocation()));
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String field = child(path, name);
                    names.put(field, at(p.currentTokenLocation()));
                    p.nextToken();
                    object.set(name, read(p, field));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, path + "[" + i++ + "]"));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.INT ? NODES.numberNode(p.getIntValue())
                        : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + token + " at " + path(p.getParsingContext()));
        }
    }

    private static Location at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? Location.START : new Location(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable YAML" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String path(JsonStreamContext c) {
        if (c == null || c.inRoot()) {
            return "";
        }
        String parent = path(c.getParent());
        if (c.inArray()) {
            return parent + "[" + Math.max(0, c.getCurrentIndex()) + "]";
        }
        String name = c.getCurrentName();
        return name == null ? parent : child(parent, name);
    }
}
