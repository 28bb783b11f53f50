package org.shanzhi.cockpit.json;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.pcollections.PMap;
import org.pcollections.TreePMap;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;

/**
 * The one JSON mapping of the domain, shared by the hub and its clients: events by their simple class name, times as ISO-8601, the
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
            // a type error stays an error: no enum by its ordinal, no "12" for 12, no 12 for "12"
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
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
            throw new BadJson("type", "unknown event type '" + type + "'");
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
            throw new BadJson(path, "payload must be a JSON object");
        }
        String missing = missingPrimitive(c, payload);
        if (missing != null) {
            throw new BadJson(path + missing, missing.substring(missing.lastIndexOf('.') + 1) + " is required");
        }
        try {
            return MAPPER.treeToValue(payload, c);
        } catch (JsonMappingException e) {
            throw refused(path, e);
        } catch (IOException e) {
            throw new BadJson(path, e.getMessage());
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
                throw new BadJson("body", "the body is empty; a JSON object is expected");
            }
            return n;
        } catch (JsonMappingException e) {
            throw refused("body", e);
        } catch (IOException e) {
            throw new BadJson("body", "malformed JSON: " + clean(e));
        }
    }

    public static <T> T read(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw refused(path, e);
        } catch (IOException e) {
            throw new BadJson(path, e.getMessage());
        }
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {"seq": N, "situation": {...}} back into the situation the hub folded. Each family
     * array becomes a map keyed by its records' first component (their id), as in the hub.
     */
    public static Situation readSnapshot(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode s = root.get("situation");
            if (s == null || !s.isObject()) {
                throw new BadJson("situation", "a snapshot has a situation object");
            }
            RecordComponent[] parts = Situation.class.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                RecordComponent c = parts[i];
                types[i] = c.getType();
                JsonNode v = s.get(c.getName());
                if (c.getType() == PMap.class) {
                    args[i] = readFamily(c, v);
                } else if (v == null || v.isNull()) {
                    args[i] = c.getType() == long.class ? 0L : null;
                } else {
                    args[i] = MAPPER.treeToValue(v, c.getType());
                }
            }
            return Situation.class.getDeclaredConstructor(types).newInstance(args);
        } catch (JsonMappingException e) {
            throw refused("situation", e);
        } catch (IOException e) {
            throw new BadJson("body", "malformed snapshot: " + clean(e));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PMap<String, Object> readFamily(RecordComponent c, JsonNode array) throws IOException,
            ReflectiveOperationException {
        Class<?> type = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[1];
        Method id = type.getRecordComponents()[0].getAccessor();
        PMap<String, Object> map = TreePMap.empty();
        if (array == null || array.isNull()) {
            return map;
        }
        if (!array.isArray()) {
            throw new BadJson("situation." + c.getName(), "expected an array");
        }
        for (JsonNode item : array) {
            Object value = MAPPER.treeToValue(item, type);
            map = map.plus((String) id.invoke(value), value);
        }
        return map;
    }

    /** Decodes one stream frame; anything that is not a well-formed frame is a {@link BadJson}. */
    public static Recorded readFrame(String frame) {
        try {
            return frame(MAPPER.readTree(frame));
        } catch (IOException e) {
            throw new BadJson("frame", "malformed frame: " + clean(e));
        }
    }

    /** Decodes a stream message: one frame, or an array of frames (a batched stream). */
    public static List<Recorded> readFrames(String message) {
        JsonNode n;
        try {
            n = MAPPER.readTree(message);
        } catch (IOException e) {
            throw new BadJson("frame", "malformed message: " + clean(e));
        }
        if (n == null || !n.isArray()) {
            return List.of(frame(n));
        }
        List<Recorded> out = new ArrayList<>(n.size());
        for (JsonNode f : n) {
            out.add(frame(f));
        }
        return out;
    }

    private static Recorded frame(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("seq").canConvertToLong() || !n.path("seq").isIntegralNumber()
                || !n.path("time").isTextual() || !n.path("type").isTextual()) {
            throw new BadJson("frame", "a frame is {seq, time, type, payload}");
        }
        Instant time;
        try {
            time = Instant.parse(n.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new BadJson("time", "not an ISO-8601 time: " + n.get("time").asText());
        }
        Event e = readEvent(n.get("type").asText(), n.get("payload"), "payload");
        JsonNode drill = n.get("drill");
        if (drill != null && !drill.isTextual()) {
            throw new BadJson("drill", "a frame's drill is the drill's id, a string");
        }
        try {
            return new Recorded(n.get("seq").asLong(), time, e, drill == null ? null : drill.asText());
        } catch (RuntimeException ex) {
            throw new BadJson("frame", ex.getMessage());
        }
    }

    /**
     * One stream frame: {"seq":…,"time":…,"type":…,"payload":{…}}, and "drill":"…" after the payload when a drill
     * made the event (null: a live one, no drill field).
     */
    public static String frame(long seq, Instant time, String type, String payloadJson, String drill) {
        StringBuilder b = new StringBuilder(payloadJson.length() + 96);
        b.append("{\"seq\":").append(seq)
                .append(",\"time\":\"").append(time).append("\",\"type\":\"").append(type)
                .append("\",\"payload\":").append(payloadJson);
        if (drill != null) {
            b.append(",\"drill\":").append(write(drill));
        }
        return b.append('}').toString();
    }

    /** Each record type's components, looked up once: every event of an ingest batch is read through them. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /**
     * A missing number or boolean would silently become 0 or false: every primitive component of a
     * record (and of the records inside it) must be present. Returns the path below {@code node} of the
     * first one missing (".location.lat"), or null when none is.
     */
    private static String missingPrimitive(Class<?> type, JsonNode node) {
        if (!type.isRecord() || node == null || !node.isObject()) {
            return null;
        }
        for (RecordComponent c : COMPONENTS.get(type)) {
            JsonNode v = node.get(c.getName());
            if (c.getType().isPrimitive() && (v == null || v.isNull())) {
                return "." + c.getName();
            }
            String below = missingPrimitive(c.getType(), v);
            if (below != null) {
                return "." + c.getName() + below;
            }
        }
        return null;
    }

    /** A mapping error as a BadJson; a value a record refused names the record's own field. */
    private static BadJson refused(String path, JsonMappingException e) {
        if (e.getCause() instanceof Rejection r) {
            return new BadJson(path + fieldPath(e) + (r.field() == null ? "" : "." + r.field()), r.reason());
        }
        return new BadJson(path + fieldPath(e), clean(e));
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
            // a snapshot written by SnapshotWriter takes each member's JSON from the previous one when unchanged
            Object pieces = provider.getAttribute(SnapshotWriter.Pieces.class);
            for (Object v : map.values()) {
                if (pieces instanceof SnapshotWriter.Pieces p) {
                    gen.writeRawValue(p.json(v));
                } else {
                    provider.defaultSerializeValue(v, gen);
                }
            }
            gen.writeEndArray();
        }
    }
}
