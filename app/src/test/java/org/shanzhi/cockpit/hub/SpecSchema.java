package org.shanzhi.cockpit.hub;

import org.shanzhi.cockpit.json.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validator of JSON values against the OpenAPI 3.0 schema subset docs/openapi.yaml uses: type,
 * format (int32, int64, date-time), properties, required, additionalProperties, items, enum,
 * nullable (as OpenAPI 3.0.3 reads it: it adds null to the type beside it, and enum, allOf and
 * oneOf still apply to null), pattern, minLength, maxLength, minimum, maximum, $ref (local),
 * allOf, and oneOf (with a discriminator it follows the mapping, and still demands that exactly one branch matches). A
 * keyword it does not know fails loudly, so the spec cannot silently use more than is checked.
 */
final class SpecSchema {

    private static final List<String> KNOWN = List.of("type", "format", "properties", "required",
            "additionalProperties", "items", "enum", "nullable", "pattern", "minLength", "maxLength", "minimum",
            "maximum", "$ref", "allOf", "oneOf", "discriminator", "description", "default", "example");

    private final JsonNode root;

    SpecSchema(JsonNode root) {
        this.root = root;
    }

    JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $ref are supported: " + ref);
            }
            node = root.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
            if (++guard > 50) {
                throw new IllegalArgumentException("$ref loop at " + ref);
            }
        }
        return node;
    }

    /** The problems of {@code value} against {@code schema}; empty when it conforms. */
    List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k) && !k.startsWith("x-")) {
                throw new IllegalArgumentException("the contract test does not understand the keyword '" + k + "'");
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema), value, at, errors);
            return;
        }
        if (value == null || value.isMissingNode()) {
            errors.add(at + ": missing");
            return;
        }
        // OpenAPI 3.0.3: nullable adds null to the type beside it, and only there; enum, allOf and
        // oneOf still apply to null, so a nullable reference to an enum must offer null itself
        if (value.isNull()) {
            if (schema.has("type") && !schema.path("nullable").asBoolean(false)) {
                errors.add(at + ": null, but the schema is not nullable");
                return;
            }
            if (!schema.has("type") && schema.has("nullable")) {
                errors.add(at + ": null, but nullable without a type beside it allows nothing");
                return;
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode s : schema.get("allOf")) {
                check(s, value, at, errors);
            }
        }
        if (schema.has("oneOf")) {
            oneOf(schema, value, at, errors);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (!schema.has("type") || value.isNull()) {
            return;
        }
        String type = schema.get("type").asText();
        switch (type) {
            case "object" -> object(schema, value, at, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": expected an array, got " + kind(value));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
                }
            }
            case "string" -> string(schema, value, at, errors);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": expected an integer, got " + kind(value) + " " + value);
                    return;
                }
                if ("int32".equals(schema.path("format").asText()) && !value.canConvertToInt()) {
                    errors.add(at + ": " + value + " is out of the int32 range");
                }
                bounds(schema, value, at, errors);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(at + ": expected a number, got " + kind(value) + " " + value);
                    return;
                }
                bounds(schema, value, at, errors);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": expected a boolean, got " + kind(value) + " " + value);
                }
            }
            default -> throw new IllegalArgumentException("unknown type '" + type + "'");
        }
    }

    private void oneOf(JsonNode schema, JsonNode value, String at, List<String> errors) {
        JsonNode branches = schema.get("oneOf");
        JsonNode discriminator = schema.get("discriminator");
        if (discriminator != null) {
            String property = discriminator.get("propertyName").asText();
            JsonNode tag = value.get(property);
            if (tag == null || !tag.isTextual()) {
                errors.add(at + ": the discriminator '" + property + "' is missing");
                return;
            }
            JsonNode target = discriminator.path("mapping").get(tag.asText());
            if (target == null) {
                errors.add(at + "." + property + ": '" + tag.asText() + "' is not in the discriminator mapping");
                return;
            }
            check(Json.MAPPER.createObjectNode().put("$ref", target.asText()), value, at, errors);
        }
        int matches = 0;
        List<String> first = null;
        for (JsonNode branch : branches) {
            List<String> e = new ArrayList<>();
            check(branch, value, at, e);
            if (e.isEmpty()) {
                matches++;
            } else if (first == null || e.size() < first.size()) {
                first = e;
            }
        }
        if (matches != 1 && discriminator == null) {
            errors.add(at + ": matches " + matches + " of the oneOf branches, not exactly one"
                    + (first == null ? "" : "; closest: " + first));
        } else if (matches > 1) {
            errors.add(at + ": matches " + matches + " of the oneOf branches, not exactly one");
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (!value.isObject()) {
            errors.add(at + ": expected an object, got " + kind(value));
            return;
        }
        JsonNode props = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                errors.add(at + ": required property '" + r.asText() + "' is missing");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode p = props.get(f.getKey());
            if (p != null) {
                check(p, f.getValue(), at + "." + f.getKey(), errors);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                errors.add(at + ": property '" + f.getKey() + "' is not in the schema");
            } else if (additional != null && additional.isObject()) {
                check(additional, f.getValue(), at + "." + f.getKey(), errors);
            }
        }
    }

    private static void string(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(at + ": expected a string, got " + kind(value) + " " + value);
            return;
        }
        String v = value.asText();
        if ("date-time".equals(schema.path("format").asText())) {
            try {
                OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                errors.add(at + ": '" + v + "' is not an RFC 3339 date-time");
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(v).find()) {
            errors.add(at + ": '" + v + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minLength") && v.length() < schema.get("minLength").asInt()) {
            errors.add(at + ": shorter than " + schema.get("minLength").asInt());
        }
        if (schema.has("maxLength") && v.length() > schema.get("maxLength").asInt()) {
            errors.add(at + ": longer than " + schema.get("maxLength").asInt());
        }
    }

    private static void bounds(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            errors.add(at + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase();
    }
}
