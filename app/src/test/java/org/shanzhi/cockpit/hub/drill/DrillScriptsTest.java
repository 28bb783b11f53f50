package org.shanzhi.cockpit.hub.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.shanzhi.cockpit.hub.sim.HeyiScenario;

import static org.assertj.core.api.Assertions.assertThat;

class DrillScriptsTest {

    static HeyiScenario heyi;

    @BeforeAll
    static void load() {
        heyi = HeyiScenario.loadDefault();
    }

    static String shipped(String name) {
        try (InputStream in = DrillScriptsTest.class.getClassLoader().getResourceAsStream("assets/drills/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static DrillScript good(String name) {
        DrillScripts.Checked c = DrillScripts.check(name, shipped(name), heyi);
        assertThat(c).as(c.toString()).isInstanceOf(DrillScripts.Good.class);
        return ((DrillScripts.Good) c).script();
    }

    /** The errors of a script, as the check command prints them. */
    static List<String> errors(String yaml) {
        DrillScripts.Checked c = DrillScripts.check("bad.yaml", yaml, heyi);
        assertThat(c).isInstanceOf(DrillScripts.Refused.class);
        return ((DrillScripts.Refused) c).errors().stream().map(DrillError::toString).toList();
    }

    static final String HEAD = """
            name: 测试
            participants: [坐席]
            objectives:
              - {id: O1, text: 确认, target: 2分钟}
            injects:
            """;

    @ParameterizedTest
    @ValueSource(strings = {"storm-530.yaml", "waterlogging-underpass.yaml", "crowd-gathering.yaml"})
    void theShippedScriptsPass(String name) {
        DrillScript s = good(name);
        assertThat(s.injects()).isNotEmpty();
        assertThat(s.objectives()).isNotEmpty();
        assertThat(DrillScripts.summary(s)).contains("injects");
    }

    @Test
    void theStormHasTheSourceDocumentsSteps() {
        DrillScript s = good("storm-530.yaml");
        List<String> types = s.injects().stream().flatMap(i -> i.events().stream()).map(DrillScript.Timed::type)
                .distinct().toList();
        assertThat(types).contains("WarningIssued", "AiAlertRaised", "IncidentOpened", "OutageReported",
                "OutageRestored", "ComplaintReceived", "WhistleBlown", "WarningLifted");
        DrillScript.Inject outage = s.inject("outage");
        // restored building by building to 70 % (21 of 30) and on to all
        assertThat(outage.events().stream().filter(e -> e.type().equals("OutageRestored"))
                .map(e -> e.payload().get("powerRestored").asInt()).toList()).contains(21).endsWith(30);
        assertThat(s.inject("surge").events()).hasSize(60);
        assertThat(s.inject("tree-east").expect()).singleElement()
                .satisfies(x -> assertThat(x.subject()).isEqualTo("$tree-east-alert"));
    }

    @Test
    void anUnknownEventTypeIsNamedWhereItStands() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: 0m
                    title: t
                    events:
                      - {type: TreeFell, payload: {}}
                """)).singleElement().asString()
                .startsWith("bad.yaml:10:16 injects[0].events[0].type: unknown event type 'TreeFell'");
    }

    @Test
    void anExpectedActionNamesAnObjectiveOfTheScript() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: 0m
                    title: t
                    events:
                      - {type: WarningIssued, payload: {warningId: $w, hazard: GALE, level: BLUE, issuer: 气象台}}
                    expect:
                      - {action: caseClosed, subject: $w, within: 5m, objective: O1}
                      - {action: caseClosed, subject: $w, within: 5m, objective: O9}
                """)).singleElement().asString()
                .startsWith("bad.yaml:13:66 injects[0].expect[1].objective: no objective has the id 'O9'");
        assertThat(good("storm-530.yaml").inject("surge").expect()).singleElement()
                .satisfies(x -> assertThat(x.objective()).isEqualTo("O4"));
    }

    @Test
    void aPayloadThatDoesNotReadStrictlyIsRefused() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: 0m
                    title: t
                    events:
                      - type: WarningIssued
                        payload: {warningId: $w, hazard: GALE, level: PURPLE, issuer: 气象台}
                      - type: WarningIssued
                        payload: {warningId: $v, hazard: GALE, level: RED, issuer: 气象台, colour: red}
                """)).satisfiesExactly(
                e -> assertThat(e).startsWith("bad.yaml:11:55 injects[0].events[0].payload.level:"),
                e -> assertThat(e).startsWith("bad.yaml:13:81 injects[0].events[1].payload.colour:"));
    }

    @Test
    void injectsOutOfOrderAreRefused() {
        assertThat(errors(HEAD + """
                  - {id: a, at: 10m, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: b, at: 5m, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                """)).singleElement().isEqualTo("bad.yaml:7:17 injects[1].at: out of order: b at 5m is listed after a"
                + " at 10m (injects at a time are listed in time order)");
    }

    @Test
    void anUnknownInjectReferenceIsRefused() {
        assertThat(errors(HEAD + """
                  - {id: a, at: 0m, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: b, after: nowhere, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                """)).singleElement().isEqualTo("bad.yaml:7:20 injects[1].after: no inject with id 'nowhere'");
    }

    @Test
    void aCycleOfAfterReferencesIsRefusedOnce() {
        assertThat(errors(HEAD + """
                  - {id: a, after: c, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: b, after: a, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: c, after: b, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                """)).singleElement().isEqualTo("bad.yaml:6:20 injects[0].after: after references form a cycle:"
                + " a → c → b → a");
    }

    @Test
    void camerasUnitsSensorsCommunitiesAndBuildingsMustExist() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: 0m
                    title: t
                    events:
                      - {type: AiAlertRaised, payload: {alertId: $a, cameraId: CAM-9999, kind: 树木倒伏, confidence: 0.9, boxes: []}}
                      - {type: UnitSos, payload: {unitId: GW-999, active: true}}
                      - {type: SensorReported, payload: {sensorId: SEN-WAT-99, value: 30}}
                      - {type: PetitionRegistered, payload: {petitionId: $p, form: VISIT, people: 3, subject: s, communityCode: "110106016099"}}
                      - outage: {id: $o, communityCode: "110106016008", cause: c, buildings: 31, households: 10, restore: []}
                """)).containsExactly(
                "bad.yaml:10:64 injects[0].events[0].payload.cameraId: no camera 'CAM-9999' in the Heyi inventory",
                "bad.yaml:11:43 injects[0].events[1].payload.unitId: no unit 'GW-999' in the Heyi inventory",
                "bad.yaml:12:52 injects[0].events[2].payload.sensorId: no sensor 'SEN-WAT-99' in the Heyi inventory",
                errorsOf("bad.yaml:13:113 injects[0].events[3].payload.communityCode: no community '110106016099'"),
                "bad.yaml:14:78 injects[0].events[4].outage.buildings: 和义东里第三社区 has 30 buildings, not 31");
    }

    private static String errorsOf(String prefix) {
        return prefix + " in the Heyi inventory; known: " + String.join(", ",
                heyi.communities().stream().map(c -> c.code()).toList());
    }

    @Test
    void aRestorationThatGoesBackOrBeyondTheOutageIsRefused() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: 0m
                    title: t
                    events:
                      - outage:
                          id: $o
                          communityCode: "110106016008"
                          cause: c
                          buildings: 10
                          households: 100
                          restore:
                            - {after: 1h, power: 5, network: 2}
                            - {after: 30m, power: 4, network: 2}
                            - {after: 2h, power: 11, network: 2}
                """)).containsExactly(
                "bad.yaml:18:15 injects[0].events[0].outage.restore[1]: counts are cumulative: buildings restored cannot"
                        + " go down (power 5 → 4, network 2 → 2)",
                "bad.yaml:18:23 injects[0].events[0].outage.restore[1].after: restoration steps are listed in time"
                        + " order: 30m is not after the step before",
                "bad.yaml:19:15 injects[0].events[0].outage.restore[2]: the outage has 10 buildings; cannot restore 11");
    }

    @Test
    void theDrillsOwnIdsMustBeCreatedBeforeTriggersExpectationsAndEventsUseThem() {
        assertThat(errors(HEAD + """
                  - id: a
                    when: {action: caseDispatched, subject: $nothing}
                    title: t
                    events:
                      - {type: WarningLifted, payload: {warningId: $never}}
                    expect:
                      - {action: caseClosed, within: 1h}
                """)).containsExactly(
                "bad.yaml:7:45 injects[0].when.subject: no inject creates $nothing",
                "bad.yaml:10:52 injects[0].events[0].payload.warningId: no inject creates $never",
                "bad.yaml:12:9 injects[0].expect[0]: the inject creates nothing: name the subject");
    }

    @Test
    void schemaErrorsNameTheLineOfTheCulprit() {
        assertThat(errors(HEAD + """
                  - id: a
                    at: soon
                    title: t
                    colour: red
                    events: [{type: WarningLifted, payload: {warningId: W}}]
                """)).containsExactly(
                "bad.yaml:7:9 injects[0].at: does not match the regex pattern ^(?=.)([0-9]+h)?([0-9]+m)?([0-9]+s)?$",
                "bad.yaml:9:5 injects[0].colour: unknown property (not in drill.schema.json)");
    }

    @Test
    void malformedYamlSaysWhereItBreaks() {
        assertThat(errors("name: [unclosed\nparticipants: x\n")).singleElement().asString()
                .startsWith("bad.yaml:2:");
        assertThat(errors("")).containsExactly("bad.yaml:1:1 the file is empty");
    }

    @Test
    void anInjectFiresOneWayOnly() {
        assertThat(errors(HEAD + """
                  - {id: a, at: 0m, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: b, at: 1m, after: a, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                """)).singleElement().asString().startsWith("bad.yaml:7:5 injects[1]: an inject fires at a time (at),"
                + " after another inject (after) or on a trainee action (when): exactly one of them, found 2");
    }
}
