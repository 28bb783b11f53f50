package org.shanzhi.cockpit.hub.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.ValidationMessage;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.debrief.Action;
import org.shanzhi.cockpit.hub.BadRequest;
import org.shanzhi.cockpit.hub.InputRules;
import org.shanzhi.cockpit.hub.drill.DrillScript.Expect;
import org.shanzhi.cockpit.hub.drill.DrillScript.Inject;
import org.shanzhi.cockpit.hub.drill.DrillScript.Objective;
import org.shanzhi.cockpit.hub.drill.DrillScript.Timed;
import org.shanzhi.cockpit.hub.drill.DrillScript.Trigger;
import org.shanzhi.cockpit.json.LocatedTree;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.BadJson;
import org.shanzhi.cockpit.json.Json;

/**
 * Reads a drill script (YAML, {@code assets/drills/README.md}) and checks it before anything runs: against
 * {@code drill.schema.json}, then what a schema cannot say (injects in time order, references to injects
 * that exist and form no cycle, event types the hub knows, payloads that read strictly, cameras, units,
 * sensors, communities and buildings of the Heyi inventory, the drill's own ids defined before use). Every
 * error names file, line, column and field.
 */
public final class DrillScripts {

    public static final String SCHEMA = "assets/drills/drill.schema.json";
    /** YAML, duplicate keys refused. */
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** Events that bring a new thing into the situation: their first field is its id. */
    private static final Pattern CREATES = Pattern.compile(".*(Registered|Opened|Raised|Issued|Received|Reported|Blown)");
    private static final String CHECK_ID = "DRILL";
    private static volatile JsonSchema schema;

    /** A script read and checked: the script, or every error found. */
    public sealed interface Checked {
    }

    public record Good(DrillScript script) implements Checked {
    }

    public record Refused(List<DrillError> errors) implements Checked {
    }

    private final String file;
    private final HeyiScenario scenario;
    private final List<DrillError> errors = new ArrayList<>();
    private LocatedTree yaml;

    private DrillScripts(String file, HeyiScenario scenario) {
        this.file = file;
        this.scenario = scenario;
    }

    /** Reads and checks the script at {@code path}. */
    public static Checked check(Path path, HeyiScenario scenario) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Refused(List.of(new DrillError(path.toString(), 0, 0, "",
                    Files.exists(path) ? "cannot read: " + e.getMessage() : "no such file")));
        }
        return check(path.toString(), text, scenario);
    }

    /** Checks script text as if read from {@code file}. */
    public static Checked check(String file, String text, HeyiScenario scenario) {
        return new DrillScripts(file, scenario).run(text);
    }

    private Checked run(String text) {
        try {
            yaml = LocatedTree.parse(YAML, text, "a drill script is one YAML document");
        } catch (LocatedTree.Malformed m) {
            return new Refused(List.of(new DrillError(file, m.location.line(), m.location.column(), "", m.getMessage())));
        }
        for (ValidationMessage m : schema().validate(yaml.root)) {
            schemaError(m);
        }
        DrillScript script = null;
        if (errors.isEmpty()) {
            script = read(yaml.root);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(DrillError::line).thenComparingInt(DrillError::column)
                    .thenComparing(DrillError::field).thenComparing(DrillError::message));
            return new Refused(errors.stream().distinct().toList());
        }
        return new Good(script);
    }

    /** An inject added during a run: the script with it and the inject, or the errors (fields from {@code inject}). */
    public record Addition(DrillScript script, Inject inject, List<DrillError> errors) {
    }

    /**
     * Checks an inject added to a running drill (JSON, shaped as in a script) together with the script, as if
     * it had been written there. With none of at, after or when it fires now ({@code now}, drill time); an
     * {@code at} already past is refused.
     */
    public static Addition add(DrillScript script, String injectJson, Duration now, HeyiScenario scenario) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(injectJson);
        } catch (IOException e) {
            return refusedAddition("inject", "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            return refusedAddition("inject", "the body is one inject, a JSON object {id, title, events, …}");
        }
        now = Duration.ofSeconds(now.toSeconds());
        ObjectNode in = node.deepCopy();
        if (!in.has("at") && !in.has("after") && !in.has("when")) {
            in.put("at", human(now));
        }
        JsonNode at = in.get("at");
        boolean timed = at != null && at.isTextual() && DURATION.matcher(at.asText()).matches() && !at.asText().isEmpty();
        if (timed && duration(at).compareTo(now) < 0) {
            return refusedAddition("inject.at", "at " + at.asText() + " is past: the drill clock is at " + human(now));
        }
        ObjectNode root = script.source().deepCopy();
        ArrayNode injects = (ArrayNode) root.get("injects");
        int position = injects.size();
        if (timed) {
            position = 0;
            for (int i = 0; i < injects.size(); i++) {
                JsonNode other = injects.get(i).get("at");
                if (other != null && duration(other).compareTo(duration(at)) <= 0) {
                    position = i + 1;
                }
            }
        }
        injects.insert(position, in);
        Checked checked = check("inject", Json.write(root), scenario);
        if (checked instanceof Refused r) {
            String prefix = "injects[" + position + "]";
            return new Addition(null, null, r.errors().stream().map(e -> new DrillError("", 0, 0,
                    e.field().startsWith(prefix) ? "inject" + e.field().substring(prefix.length()) : e.field(),
                    e.message())).toList());
        }
        DrillScript with = ((Good) checked).script();
        return new Addition(with, with.injects().get(position), null);
    }

    private static Addition refusedAddition(String field, String message) {
        return new Addition(null, null, List.of(new DrillError("", 0, 0, field, message)));
    }

    // --- what a schema cannot say ----------------------------------------------------------------------

    private DrillScript read(JsonNode root) {
        List<Objective> objectives = new ArrayList<>();
        Set<String> objectiveIds = new HashSet<>();
        JsonNode os = root.get("objectives");
        for (int i = 0; i < os.size(); i++) {
            JsonNode o = os.get(i);
            if (!objectiveIds.add(o.get("id").asText())) {
                error("objectives[" + i + "].id", "another objective has the id '" + o.get("id").asText() + "'");
            }
            objectives.add(new Objective(o.get("id").asText(), o.get("text").asText(), o.get("target").asText()));
        }
        List<String> participants = new ArrayList<>();
        root.get("participants").forEach(p -> participants.add(p.asText()));

        JsonNode is = root.get("injects");
        Set<String> injectIds = new HashSet<>();
        for (int i = 0; i < is.size(); i++) {
            String id = is.get(i).get("id").asText();
            if (!injectIds.add(id)) {
                error("injects[" + i + "].id", "another inject has the id '" + id + "'");
            }
        }
        Set<String> defined = new LinkedHashSet<>();
        List<Set<String>> createdBy = new ArrayList<>();
        List<Inject> injects = new ArrayList<>();
        for (int i = 0; i < is.size(); i++) {
            Set<String> created = new LinkedHashSet<>();
            injects.add(inject(is.get(i), "injects[" + i + "]", created));
            defined.addAll(created);
            createdBy.add(created);
        }
        checkOrder(injects, injectIds);
        checkLocalIds(is, injects, defined, createdBy);
        checkObjectives(is, objectiveIds);
        List<Inject> withSubjects = new ArrayList<>();
        for (int i = 0; i < injects.size(); i++) {
            withSubjects.add(defaultSubjects(injects.get(i), createdBy.get(i)));
        }
        String summary = root.has("summary") ? root.get("summary").asText() : "";
        return new DrillScript(root.get("name").asText(), summary, participants, objectives, withSubjects, root);
    }

    private Inject inject(JsonNode n, String path, Set<String> created) {
        int when = (n.has("at") ? 1 : 0) + (n.has("after") ? 1 : 0) + (n.has("when") ? 1 : 0);
        if (when != 1) {
            error(path, "an inject fires at a time (at), after another inject (after) or on a trainee action (when):"
                    + " exactly one of them, found " + when);
        }
        if (n.has("delay") && n.has("at")) {
            error(path + ".delay", "delay goes with after or when; an inject at a time has no delay");
        }
        Trigger trigger = n.has("when") ? new Trigger(Action.valueOf(n.get("when").get("action").asText()),
                n.get("when").get("subject").asText()) : null;
        List<Timed> events = new ArrayList<>();
        JsonNode es = n.get("events");
        for (int j = 0; j < es.size(); j++) {
            events.addAll(events(es.get(j), path + ".events[" + j + "]", created));
        }
        List<Expect> expect = new ArrayList<>();
        if (n.has("expect")) {
            for (JsonNode x : n.get("expect")) {
                expect.add(new Expect(Action.valueOf(x.get("action").asText()),
                        x.has("subject") ? x.get("subject").asText() : null, duration(x.get("within")),
                        x.has("text") ? x.get("text").asText() : "",
                        x.has("objective") ? x.get("objective").asText() : null));
            }
        }
        return new Inject(n.get("id").asText(), n.get("title").asText(), n.has("at") ? duration(n.get("at")) : null,
                n.has("after") ? n.get("after").asText() : null, trigger,
                n.has("delay") ? duration(n.get("delay")) : Duration.ZERO, events, expect);
    }

    private List<Timed> events(JsonNode e, String path, Set<String> created) {
        boolean plain = e.has("type") || e.has("payload");
        int shapes = (plain ? 1 : 0) + (e.has("surge") ? 1 : 0) + (e.has("outage") ? 1 : 0);
        if (shapes != 1) {
            error(path, "an event is either {type, payload} or a surge or an outage");
            return List.of();
        }
        if (e.has("surge")) {
            return surge(e.get("surge"), path + ".surge", created);
        }
        if (e.has("outage")) {
            return outage(e.get("outage"), path + ".outage", created);
        }
        if (!e.has("type") || !e.has("payload")) {
            error(path, "an event needs both type and payload");
            return List.of();
        }
        Duration offset = e.has("offset") ? duration(e.get("offset")) : Duration.ZERO;
        String type = e.get("type").asText();
        if (!Json.eventTypes().contains(type)) {
            error(path + ".type", "unknown event type '" + type + "'; known: " + String.join(", ", Json.eventTypes()));
            return List.of();
        }
        JsonNode first = e.get("payload").get(firstField(type));
        if (CREATES.matcher(type).matches() && first != null && first.asText().startsWith(DrillScript.LOCAL)
                && !created.add(first.asText())) {
            error(path + ".payload." + firstField(type), "the inject creates " + first.asText() + " twice");
        }
        Timed t = new Timed(offset, type, e.get("payload"));
        if (!readable(t, path)) {
            return List.of();
        }
        inventory(e.get("payload"), path + ".payload");
        return List.of(t);
    }

    /** The event reads strictly and passes the hub's input rules, as its ingest would require. */
    private boolean readable(Timed t, String path) {
        try {
            Class<? extends Event> c = Json.eventClass(t.type());
            if (Event.writtenByTheHubOnly().contains(c)) {
                error(path + ".type", t.type() + " is written by the hub itself only (its journal quarantine, its drill clock)");
                return false;
            }
        } catch (BadJson ex) {
            error(path + ".type", "unknown event type '" + t.type() + "'; known: " + String.join(", ", Json.eventTypes()));
            return false;
        }
        try {
            Event event = Json.readEvent(t.type(), DrillScript.withIds(t.payload(), CHECK_ID), path + ".payload");
            InputRules.check(event, path + ".payload");
            return true;
        } catch (BadJson ex) {
            error(ex.field() == null ? path + ".payload" : ex.field(), ex.getMessage());
        } catch (BadRequest ex) {
            error(ex.field(), ex.getMessage());
        }
        return false;
    }

    /** Cameras, units, sensors and communities a payload names must be the inventory's. */
    private void inventory(JsonNode payload, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = path + "." + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                inventory(v, field);
                continue;
            }
            if (!v.isTextual() || v.asText().startsWith(DrillScript.LOCAL)) {
                continue;
            }
            String id = v.asText();
            switch (f.getKey()) {
                case "cameraId" -> known(field, "camera", id, HeyiScenario::cameras, c -> c.id());
                case "unitId" -> known(field, "unit", id, HeyiScenario::units, u -> u.id());
                case "sensorId" -> known(field, "sensor", id, HeyiScenario::sensors, s -> s.id());
                case "communityCode" -> community(field, id);
                default -> { }
            }
        }
    }

    private <T> void known(String field, String what, String id, Function<HeyiScenario, List<T>> all,
                           Function<T, String> idOf) {
        if (all.apply(scenario).stream().noneMatch(t -> idOf.apply(t).equals(id))) {
            error(field, "no " + what + " '" + id + "' in the Heyi inventory");
        }
    }

    private Community community(String field, String code) {
        Community c = scenario.communities().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
        if (c == null) {
            error(field, "no community '" + code + "' in the Heyi inventory; known: "
                    + scenario.communities().stream().map(Community::code).collect(Collectors.joining(", ")));
        }
        return c;
    }

    /** N 12345 orders spread evenly over M minutes, at the community's centre. */
    private List<Timed> surge(JsonNode s, String path, Set<String> created) {
        Community c = community(path + ".communityCode", s.get("communityCode").asText());
        if (c == null) {
            return List.of();
        }
        String id = s.get("id").asText();
        created.add(id);
        int orders = s.get("orders").asInt();
        long seconds = s.get("minutes").asLong() * 60;
        GeoPoint centre = c.boundary().centroid();
        List<Timed> out = new ArrayList<>(orders);
        for (int k = 0; k < orders; k++) {
            ObjectNode p = Json.MAPPER.createObjectNode();
            p.put("orderNo", String.format("%s-%04d", id, k + 1));
            p.put("channel", "PHONE");
            p.put("type", s.has("type") ? s.get("type").asText() : "HELP");
            p.put("category", s.get("category").asText());
            p.put("priority", s.has("priority") ? s.get("priority").asText() : "URGENT");
            p.putObject("at").put("lon", centre.lon()).put("lat", centre.lat());
            p.put("summary", s.get("summary").asText());
            p.put("repeat", false);
            out.add(new Timed(Duration.ofSeconds(seconds * k / orders), "ComplaintReceived", p));
        }
        return readable(out.get(0), path) ? out : List.of();
    }

    /** The outage reported, then its buildings restored step by step (cumulative counts). */
    private List<Timed> outage(JsonNode o, String path, Set<String> created) {
        Community c = community(path + ".communityCode", o.get("communityCode").asText());
        String id = o.get("id").asText();
        created.add(id);
        int buildings = o.get("buildings").asInt();
        if (c != null && buildings > scenario.buildings(c.code())) {
            error(path + ".buildings", c.name() + " has " + scenario.buildings(c.code()) + " buildings, not " + buildings);
        }
        ObjectNode reported = Json.MAPPER.createObjectNode();
        reported.put("outageId", id);
        reported.put("communityCode", o.get("communityCode").asText());
        reported.put("cause", o.get("cause").asText());
        reported.put("buildings", buildings);
        reported.put("households", o.get("households").asInt());
        List<Timed> out = new ArrayList<>();
        out.add(new Timed(Duration.ZERO, "OutageReported", reported));
        Duration last = Duration.ZERO;
        int power = 0;
        int network = 0;
        JsonNode steps = o.get("restore");
        for (int k = 0; k < steps.size(); k++) {
            JsonNode step = steps.get(k);
            String at = path + ".restore[" + k + "]";
            Duration after = duration(step.get("after"));
            int p = step.get("power").asInt();
            int n = step.get("network").asInt();
            if (k > 0 && after.compareTo(last) <= 0) {
                error(at + ".after", "restoration steps are listed in time order: " + step.get("after").asText()
                        + " is not after the step before");
            }
            if (p < power || n < network) {
                error(at, "counts are cumulative: buildings restored cannot go down (power " + power + " → " + p
                        + ", network " + network + " → " + n + ")");
            }
            if (p > buildings || n > buildings) {
                error(at, "the outage has " + buildings + " buildings; cannot restore " + Math.max(p, n));
            }
            ObjectNode restored = Json.MAPPER.createObjectNode();
            restored.put("outageId", id);
            restored.put("powerRestored", p);
            restored.put("networkRestored", n);
            out.add(new Timed(after, "OutageRestored", restored));
            last = after;
            power = p;
            network = n;
        }
        if (c != null) {
            readable(out.get(0), path);
        }
        return out;
    }

    /** Injects at a time are listed in time order; after references name injects that exist, with no cycle. */
    private void checkOrder(List<Inject> injects, Set<String> ids) {
        Duration latest = Duration.ZERO;
        String latestId = null;
        for (int i = 0; i < injects.size(); i++) {
            Inject in = injects.get(i);
            if (in.at() != null) {
                if (in.at().compareTo(latest) < 0) {
                    error("injects[" + i + "].at", "out of order: " + in.id() + " at " + human(in.at())
                            + " is listed after " + latestId + " at " + human(latest) + " (injects at a time are listed"
                            + " in time order)");
                } else {
                    latest = in.at();
                    latestId = in.id();
                }
            }
            if (in.after() != null && !ids.contains(in.after())) {
                error("injects[" + i + "].after", "no inject with id '" + in.after() + "'");
            }
        }
        Map<String, String> after = new HashMap<>();
        injects.stream().filter(in -> in.after() != null).forEach(in -> after.put(in.id(), in.after()));
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < injects.size(); i++) {
            List<String> chain = new ArrayList<>();
            for (String at = injects.get(i).id(); at != null && ids.contains(at); at = after.get(at)) {
                if (chain.contains(at)) {
                    List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(at), chain.size()));
                    cycle.add(at);
                    if (at.equals(injects.get(i).id()) && reported.add(Set.copyOf(cycle).toString())) {
                        error("injects[" + i + "].after", "after references form a cycle: " + String.join(" → ", cycle));
                    }
                    break;
                }
                chain.add(at);
            }
        }
    }

    /** An expected action names an objective of the script, if any. */
    private void checkObjectives(JsonNode is, Set<String> objectiveIds) {
        for (int i = 0; i < is.size(); i++) {
            JsonNode xs = is.get(i).path("expect");
            for (int k = 0; k < xs.size(); k++) {
                JsonNode o = xs.get(k).get("objective");
                if (o != null && !objectiveIds.contains(o.asText())) {
                    error("injects[" + i + "].expect[" + k + "].objective", "no objective has the id '" + o.asText() + "'");
                }
            }
        }
    }

    /** Every {@code $name} the script uses is created by one of its injects. */
    private void checkLocalIds(JsonNode is, List<Inject> injects, Set<String> defined, List<Set<String>> createdBy) {
        for (int i = 0; i < is.size(); i++) {
            JsonNode n = is.get(i);
            String path = "injects[" + i + "]";
            if (n.has("when")) {
                undefined(n.get("when").get("subject"), path + ".when.subject", defined);
            }
            if (n.has("expect")) {
                for (int k = 0; k < n.get("expect").size(); k++) {
                    JsonNode x = n.get("expect").get(k);
                    if (x.has("subject")) {
                        undefined(x.get("subject"), path + ".expect[" + k + "].subject", defined);
                    } else if (createdBy.get(i).isEmpty()) {
                        error(path + ".expect[" + k + "]", "the inject creates nothing: name the subject");
                    }
                }
            }
            JsonNode es = n.get("events");
            for (int j = 0; j < es.size(); j++) {
                if (es.get(j).has("payload")) {
                    references(es.get(j).get("payload"), path + ".events[" + j + "].payload", defined);
                }
            }
        }
    }

    private void references(JsonNode node, String path, Set<String> defined) {
        if (node.isTextual()) {
            undefined(node, path, defined);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> references(f.getValue(), path + "." + f.getKey(), defined));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), path + "[" + i + "]", defined);
            }
        }
    }

    private void undefined(JsonNode value, String path, Set<String> defined) {
        String v = value.asText();
        if (v.startsWith(DrillScript.LOCAL) && !defined.contains(v)) {
            error(path, "no inject creates " + v);
        }
    }

    private static Inject defaultSubjects(Inject in, Set<String> created) {
        if (created.isEmpty()) {
            return in;
        }
        String first = created.iterator().next();
        List<Expect> expect = in.expect().stream()
                .map(x -> x.subject() != null ? x : new Expect(x.action(), first, x.within(), x.text(), x.objective())).toList();
        return new Inject(in.id(), in.title(), in.at(), in.after(), in.when(), in.delay(), in.events(), expect);
    }

    /** {@code 9 injects (12 with trainee triggers …), 87 events over 7h30m, 4 objectives} */
    public static String summary(DrillScript s) {
        long events = s.injects().stream().mapToLong(i -> i.events().size()).sum();
        long after = s.injects().stream().filter(i -> i.after() != null).count();
        long when = s.injects().stream().filter(i -> i.when() != null).count();
        Duration last = s.injects().stream().map(Inject::at).filter(Objects::nonNull)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return s.injects().size() + " injects (" + after + " after another, " + when + " on a trainee action), "
                + events + " events, the last timed inject at " + human(last) + ", " + s.objectives().size()
                + " objectives, " + s.participants().size() + " participants";
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static String firstField(String type) {
        return Json.eventClass(type).getRecordComponents()[0].getName();
    }

    static Duration duration(JsonNode n) {
        Matcher m = DURATION.matcher(n.asText());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + n.asText());
        }
        return Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
    }

    private static long group(Matcher m, int g) {
        return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        String out = (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "")
                + (s % 60 > 0 ? s % 60 + "s" : "");
        return out.isEmpty() ? "0s" : out;
    }

    private void error(String field, String message) {
        LocatedTree.Location at = yaml.valueAt(field);
        errors.add(new DrillError(file, at.line(), at.column(), field, message));
    }

    private void schemaError(ValidationMessage m) {
        String field = field(m.getInstanceLocation());
        String message = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        LocatedTree.Location at;
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            field = LocatedTree.child(field, m.getProperty());
            at = yaml.nameAt(field);
            message = "unknown property (not in drill.schema.json)";
        } else if ("required".equals(m.getType()) && m.getProperty() != null) {
            at = yaml.valueAt(field);
            field = LocatedTree.child(field, m.getProperty());
            message = "required but missing";
        } else {
            at = yaml.valueAt(field);
        }
        errors.add(new DrillError(file, at.line(), at.column(), field, message));
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

    private static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            synchronized (DrillScripts.class) {
                if (schema == null) {
                    schema = readSchema();
                }
                s = schema;
            }
        }
        return s;
    }

    private static JsonSchema readSchema() {
        try (InputStream in = DrillScripts.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            JsonNode node = in != null ? Json.MAPPER.readTree(in) : Json.MAPPER.readTree(Path.of(SCHEMA).toFile());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the drill schema", e);
        }
    }
}
