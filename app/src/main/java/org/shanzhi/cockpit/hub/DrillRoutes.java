package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import org.shanzhi.cockpit.hub.drill.DrillError;
import org.shanzhi.cockpit.hub.drill.Drills;
import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/**
 * The drill routes' way through HTTP: the trainer's body read, the {@link Drills} action, the drill's status
 * as the answer. A script is sent as YAML text ({@code script}) or named among the shipped ones ({@code name}).
 */
final class DrillRoutes {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Drills drills;

    DrillRoutes(Drills drills) {
        this.drills = drills;
    }

    void status(Context ctx) {
        Map<String, Object> s = drills.status();
        if (s == null) {
            throw new BadRequest(404, null, "no drill is loaded");
        }
        json(ctx, 200, Json.write(s));
    }

    /** {@code {"script": "<YAML>", "file"?: "name.yaml"}} or {@code {"name": "storm-530"}}. */
    void load(Context ctx) {
        JsonNode body = Json.readTree(ctx.bodyAsBytes());
        if (!body.isObject()) {
            throw new BadRequest("body", "the body must be a JSON object {script} or {name}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("script") && !f.equals("name") && !f.equals("file")) {
                throw new BadRequest(f, "unknown field '" + f + "'; the body has script (and file) or name");
            }
        });
        JsonNode script = body.get("script");
        JsonNode name = body.get("name");
        if ((script == null) == (name == null)) {
            throw new BadRequest("script", "send either script (the YAML text) or name (a shipped drill)");
        }
        if (script != null) {
            if (!script.isTextual()) {
                throw new BadRequest("script", "script is the drill's YAML text, as a string");
            }
            JsonNode file = body.get("file");
            String fileName = file != null && file.isTextual() && NAME.matcher(file.asText().replaceAll("\\.ya?ml$", ""))
                    .matches() ? file.asText() : "script";
            json(ctx, 201, Json.write(drills.load(fileName, script.asText())));
            return;
        }
        if (!name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            throw new BadRequest("name", "name is a shipped drill's file name without .yaml, e.g. storm-530");
        }
        json(ctx, 201, Json.write(drills.load(name.asText() + ".yaml", shipped(name.asText()))));
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

    /** A drill shipped in {@code ./assets/drills/} or inside the jar. */
    private static String shipped(String name) {
        Path local = Path.of("assets", "drills", name + ".yaml");
        try {
            if (Files.isRegularFile(local)) {
                return Files.readString(local, StandardCharsets.UTF_8);
            }
            try (InputStream in = DrillRoutes.class.getClassLoader().getResourceAsStream("assets/drills/" + name + ".yaml")) {
                if (in == null) {
                    throw new BadRequest(404, "name", "no shipped drill named " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new BadRequest(404, "name", "cannot read the drill " + name + ": " + e.getMessage());
        }
    }
}
