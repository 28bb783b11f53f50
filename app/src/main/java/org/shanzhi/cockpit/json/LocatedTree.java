package org.shanzhi.cockpit.json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document (JSON, or YAML through its Jackson factory) read with the streaming parser so that every
 * value remembers where it starts: errors found later (by a schema or by the rules of a layout or a
 * drill script) name the line and column. Paths are written as in error messages:
 * {@code screens[2].widgets[1].columnSpan}, {@code ""} for the root.
 */
public final class LocatedTree {

    public record Location(int line, int column) {
        public static final Location START = new Location(1, 1);
    }

    /** A malformed document: where the parser stopped, the path it was in, and its complaint. */
    public static final class Malformed extends Exception {
        public final Location location;
        public final String field;

        Malformed(Location location, String field, String message) {
            super(message, null, false, false);
            this.location = location;
            this.field = field;
        }
    }

    /** Plain JSON, duplicate members refused. */
    public static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public final JsonNode root;
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> names = new HashMap<>();

    private LocatedTree(JsonFactory factory, String text, String oneDocument) throws Malformed {
        JsonParser p = null;
        try {
            p = factory.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text);
            if (p.nextToken() == null) {
                throw new Malformed(Location.START, "", "the file is empty");
            }
            root = read(p, "");
            if (p.nextToken() != null) {
                throw new Malformed(at(p.currentTokenLocation()), "", oneDocument);
            }
        } catch (JsonProcessingException e) {
            String field = p == null ? "" : path(p.getParsingContext());
            throw new Malformed(at(e.getLocation()), field, firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Malformed(Location.START, "", String.valueOf(e.getMessage()));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a parser over a string holds nothing to release
                }
            }
        }
    }

    /**
     * Reads {@code text} with {@code factory} ({@link #JSON}, or a YAML factory); {@code oneDocument} is the
     * complaint when more follows the first document.
     */
    public static LocatedTree parse(JsonFactory factory, String text, String oneDocument) throws Malformed {
        return new LocatedTree(factory, text, oneDocument);
    }

    /** Where the value at {@code field} starts; for a field that is absent, where its nearest parent starts. */
    public Location valueAt(String field) {
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
    public Location nameAt(String field) {
        Location l = names.get(field);
        return l != null ? l : valueAt(field);
    }

    public static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public static String parent(String field) {
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
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected " + token);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable document" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Location at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? Location.START : new Location(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    /** The path of the parser's position, in the same notation as the error fields. */
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
