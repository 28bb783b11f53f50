package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Rejection;

/**
 * The one JSON mapping of the hub: events by their simple class name, times as ISO-8601, the
 * situation's maps as arrays of their values. Strict on input: unknown properties, wrong types
 * and trailing tokens are errors that name the field.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new ValuesAsArray())
                    .addSerializer(double.class, new FiniteOrNull()).addSerializer(Double.class, new FiniteOrNull()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<String, Class<? extends Event>> TYPES = new HashMap<>();

    static {
        for (Class<?> c : Event.types()) {
            TYPES.put(c.getSimpleName(), c.asSubclass(Event.class));
        }
    }

    private Json() {
    }

    public static String typeOf(Event e) {
        return e.getClass().getSimpleName();
    }

    public static Class<? extends Event> eventClass(String type) {
        Class<? extends Event> c = type == null ? null : TYPES.get(type);
        if (c == null) {
            throw new BadRequest("type", "unknown event type '" + type + "'");
        }
        return c;
    }

    public static List<String> eventTypes() {
        return TYPES.keySet().stream().sorted().toList();
    }

    /** Reads an event payload of the given type; errors name the field under {@code path}. */
    public static Event readEvent(String type, JsonNode payload, String path) {
        Class<? extends Event> c = eventClass(type);
        if (payload == null || !payload.isObject()) {
            throw new BadRequest(path, "payload must be a JSON object");
        }
        try {
            return MAPPER.treeToValue(payload, c);
        } catch (JsonMappingException e) {
            throw refused(path, e);
        } catch (IOException e) {
            throw new BadRequest(path, e.getMessage());
        }
    }

    public static Event readEvent(String type, String payloadJson) {
        try {
            return MAPPER.readValue(payloadJson, eventClass(type));
        } catch (IOException e) {
            throw new IllegalStateException("journal holds an unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode readTree(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new BadRequest("body", "the body is empty; a JSON object is expected");
            }
            return n;
        } catch (JsonMappingException e) {
            throw refused("body", e);
        } catch (IOException e) {
            throw new BadRequest("body", "malformed JSON: " + clean(e));
        }
    }

    public static <T> T read(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw refused(path, e);
        } catch (IOException e) {
            throw new BadRequest(path, e.getMessage());
        }
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stream frame: {"seq":…,"time":…,"type":…,"payload":{…}}. */
    public static String frame(long seq, java.time.Instant time, String type, String payloadJson) {
        StringBuilder b = new StringBuilder(payloadJson.length() + 96);
        b.append("{\"seq\":").append(seq)
                .append(",\"time\":\"").append(time).append("\",\"type\":\"").append(type)
                .append("\",\"payload\":").append(payloadJson).append('}');
        return b.toString();
    }

    /** A mapping error as a BadRequest; a value a record refused names the record's own field. */
    private static BadRequest refused(String path, JsonMappingException e) {
        if (e.getCause() instanceof Rejection r) {
            return new BadRequest(path + fieldPath(e) + (r.field() == null ? "" : "." + r.field()), r.reason());
        }
        return new BadRequest(path + fieldPath(e), clean(e));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String clean(IOException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int cut = m.indexOf("\n at [");
        m = cut > 0 ? m.substring(0, cut) : m;
        cut = m.indexOf(" (for Object starting at");
        m = cut > 0 ? m.substring(0, cut) : m;
        cut = m.indexOf(" (through reference chain");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    /** A rate with nothing to count is NaN in Java; JSON has no NaN, so it is written as null. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** The situation's persistent maps are keyed by the id their values already hold: write the values. */
    @SuppressWarnings("rawtypes")
    private static final class ValuesAsArray extends StdSerializer<PMap> {
        ValuesAsArray() {
            super(PMap.class);
        }

        @Override
        public void serialize(PMap map, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            for (Object v : map.values()) {
                provider.defaultSerializeValue(v, gen);
            }
            gen.writeEndArray();
        }
    }
}
