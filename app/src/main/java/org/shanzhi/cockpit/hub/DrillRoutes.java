package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;

import org.shanzhi.cockpit.hub.drill.DrillError;
import org.shanzhi.cockpit.hub.drill.Drills;
import org.shanzhi.cockpit.hub.drill.ShippedDrills;
import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/**
 * The drill routes' way through HTTP: the trainer's body read, the {@link Drills} action, the drill's status
 * as the answer. A script is sent as YAML text ({@code script}) or named among the shipped ones ({@code name}).
 */
final class DrillRoutes {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern FILE = Pattern.compile("[\\p{L}\\p{N}_.-]{1,100}");

    private final Drills drills;

    DrillRoutes(Drills drills) {
        this.drills = drills;
    }

    void status(Context ctx) {
        Map<String, Object> s = drills.status();
        if (s == null) {
            throw new BadRequest(404, "drill", "no drill is loaded");
        }
        json(ctx, 200, Json.write(s));
    }

    /** The drills that can be loaded by name: each name with its title and summary, by name. */
    void scripts(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : ShippedDrills.names()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            try {
                JsonNode doc = YAML.readTree(shipped(name));
                m.put("title", doc.path("name").asText(name));
                m.put("summary", doc.path("summary").asText(""));
            } catch (IOException | BadRequest e) {
                continue; // not readable as YAML: loading it names the error
            }
            out.add(m);
        }
        json(ctx, 200, Json.write(out));
    }

    /** What loads a drill: its YAML text ({@code script}, with the {@code file} name errors cite) or a shipped {@code name}. */
    record Load(String script, String file, String name) {
    }

    void load(Context ctx) {
        // not Writes.body: a script is longer than InputRules' texts; the 1 MiB body limit bounds it
        JsonNode tree = Json.readTree(ctx.bodyAsBytes());
        if (!tree.isObject()) {
            throw new BadRequest("body", "the body must be a JSON object {script, file?} or {name}");
        }
        Load body = Json.read(tree, Load.class, "body");
        if ((body.script() == null) == (body.name() == null)) {
            throw new BadRequest("script", "send either script (the YAML text) or name (a shipped drill)");
        }
        if (body.script() != null) {
            String file = body.file() != null && FILE.matcher(body.file()).matches() ? body.file() : "script";
            json(ctx, 201, Json.write(drills.load(file, body.script())));
            return;
        }
        if (!ShippedDrills.NAME.matcher(body.name()).matches()) {
            throw new BadRequest("name", "name is a shipped drill's file name without .yaml, e.g. storm-530");
        }
        json(ctx, 201, Json.write(drills.load(body.name() + ".yaml", shipped(body.name()))));
    }

    void act(Context ctx, Supplier<Map<String, Object>> action) {
        json(ctx, 200, Json.write(action.get()));
    }

    void fire(Context ctx) {
        json(ctx, 200, Json.write(drills.fire(ctx.pathParam("id"))));
    }

    void add(Context ctx) {
        json(ctx, 201, Json.write(drills.add(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))));
    }

    static void invalid(Drills.Invalid e, Context ctx) {
        DrillError first = e.errors.get(0);
        StringBuilder message = new StringBuilder();
        for (DrillError d : e.errors) {
            message.append(message.length() == 0 ? "" : "\n").append(d);
        }
        Answers.error(ctx, 422, first.field().isEmpty() ? "script" : first.field(), message.toString());
    }

    /** A shipped drill's text ({@link ShippedDrills}), or 404 naming {@code name}. */
    private static String shipped(String name) {
        try {
            String text = ShippedDrills.text(name);
            if (text == null) {
                throw new BadRequest(404, "name", "no shipped drill named " + name);
            }
            return text;
        } catch (IOException e) {
            throw new BadRequest(404, "name", "cannot read the drill " + name + ": " + e.getMessage());
        }
    }
}
