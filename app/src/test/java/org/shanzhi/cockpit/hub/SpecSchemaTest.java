package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.json.Json;

/** The contract test's validator refuses what breaks the spec, so its silence means something. */
class SpecSchemaTest {

    @Test
    void aBodyThatBreaksItsSchemaIsCaught() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(OpenApiContractTest.SPEC));
        SpecSchema schemas = new SpecSchema(spec);
        JsonNode error = spec.at("/components/schemas/Error");
        assertThat(schemas.validate(error, Json.MAPPER.readTree(
                "{\"error\":\"bad_request\",\"field\":\"limit\",\"message\":\"m\"}"))).isEmpty();
        for (String bad : new String[] {
            "{\"error\":\"bad_request\",\"field\":\"limit\"}",                            // a required property missing
            "{\"error\":\"no_such_code\",\"field\":null,\"message\":\"m\"}",              // not in the enum
            "{\"error\":\"bad_request\",\"field\":null,\"message\":7}",                   // the wrong type
            "{\"error\":\"bad_request\",\"field\":null,\"message\":\"m\",\"extra\":1}",   // a property not allowed
            "[]"}) {
            assertThat(schemas.validate(error, Json.MAPPER.readTree(bad))).as(bad).isNotEmpty();
        }
        JsonNode frame = spec.at("/components/schemas/Frame");
        assertThat(schemas.validate(frame, Json.MAPPER.readTree("{\"seq\":1,\"time\":\"2026-05-30T08:00:00Z\","
                + "\"type\":\"UnitSos\",\"payload\":{\"unitId\":\"U-1\",\"active\":true}}"))).isEmpty();
        assertThat(schemas.validate(frame, Json.MAPPER.readTree("{\"seq\":1,\"time\":\"2026-05-30T08:00:00Z\","
                + "\"type\":\"UnitSos\",\"payload\":{\"unitId\":\"U-1\",\"active\":\"yes\"}}"))).isNotEmpty();
    }

    /** Null as OpenAPI 3.0.3 reads nullable: beside a type only, and an enum must offer it too. */
    @Test
    void nullPassesOnlyWhereTheSpecOffersIt() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode spec = yaml.readTree(Files.readString(OpenApiContractTest.SPEC));
        SpecSchema schemas = new SpecSchema(spec);
        JsonNode outcome = spec.at("/components/schemas/Dispute/properties/outcome");
        assertThat(schemas.validate(outcome, Json.MAPPER.readTree("null"))).isEmpty();
        assertThat(schemas.validate(outcome, Json.MAPPER.readTree("\"TERMINATED\""))).isEmpty();
        assertThat(schemas.validate(outcome, Json.MAPPER.readTree("\"SETTLED\""))).isNotEmpty();
        for (String refusesNull : new String[] {
            "{nullable: true, allOf: [{$ref: '#/components/schemas/DisputeOutcome'}]}",   // nullable without a type
            "{type: string, nullable: true, enum: [A, B]}",                                 // an enum without null
            "{type: string, nullable: true, allOf: [{$ref: '#/components/schemas/DisputeOutcome'}]}",
            "{type: string}"}) {
            assertThat(schemas.validate(yaml.readTree(refusesNull), Json.MAPPER.readTree("null"))).as(refusesNull)
                    .isNotEmpty();
        }
        assertThat(schemas.validate(yaml.readTree("{type: string, nullable: true, enum: [A, null]}"),
                Json.MAPPER.readTree("null"))).isEmpty();
    }
}
