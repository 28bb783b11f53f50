package org.shanzhi.cockpit.wall.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LayoutLoaderTest {

    static final List<String> SHIPPED = List.of("command", "district", "duty-desk", "laptop", "monitoring-desk", "trainer",
            "wall-3x2", "wall-4k");

    /** A small valid layout; the broken ones below change one line of it, so the line numbers stay put. */
    static final String BASE = """
            {
              "name": "t",
              "title": { "zh": "测试", "en": "Test" },
              "screens": [
                {
                  "id": "main",
                  "title": { "zh": "主屏", "en": "Main" },
                  "width": 1920,
                  "height": 1080,
                  "grid": { "columns": 4, "rows": 2 },
                  "widgets": [
                    { "type": "cockpit.city", "column": 1, "row": 1 },
                    { "type": "map", "column": 2, "row": 1, "columnSpan": 3 },
                    { "type": "video", "column": 1, "row": 2, "options": { "split": 4 } }
                  ]
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    final LayoutLoader loader = LayoutLoader.standard();

    @Test
    void theShippedLayoutsAreAvailable() {
        assertThat(loader.directory()).isPresent();
        assertThat(loader.available()).containsExactlyElementsOf(SHIPPED);
        assertThat(LayoutLoader.fromClasspath().available()).containsExactlyElementsOf(SHIPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop", "wall-3x2", "wall-4k", "duty-desk", "command", "district", "monitoring-desk",
            "trainer"})
    void everyShippedLayoutLoadsClean(String name) {
        for (LayoutLoader l : List.of(loader, LayoutLoader.fromClasspath())) {
            LayoutResult result = l.load(name);
            assertThat(result).as(() -> result instanceof LayoutResult.Refused r ? r.report() : "")
                    .isInstanceOf(LayoutResult.Loaded.class);
            assertThat(result.orElseThrow().name()).isEqualTo(name);
        }
    }

    @Test
    void theShippedLayoutsHoldWhatTheIssueAsksFor() {
        WallLayout laptop = loader.load("laptop").orElseThrow();
        assertThat(laptop.stage()).isEqualTo(WallLayout.StageMode.WINDOW);
        assertThat(laptop.screens()).singleElement().satisfies(s -> assertThat(panels(s)).hasSize(4));

        WallLayout wall = loader.load("wall-3x2").orElseThrow();
        assertThat(wall.screens()).hasSize(6).allSatisfy(s -> {
            assertThat(s.width()).isEqualTo(1920);
            assertThat(s.height()).isEqualTo(1080);
        });
        assertThat(wall.wallGrid()).isEqualTo(new WallLayout.WallGrid(3, 2));
        assertThat(wall.screens().stream().flatMap(s -> s.widgets().stream()).map(Placement::type))
                .contains(WidgetType.CITY, WidgetType.MONITORING, WidgetType.SENTIMENT, WidgetType.SAFETY,
                        WidgetType.MAP, WidgetType.VIDEO);
        Placement video = wall.screen("video").orElseThrow().widgets().get(0);
        assertThat(video.options().path("split").asInt()).isEqualTo(9);

        WallLayout k4 = loader.load("wall-4k").orElseThrow();
        assertThat(k4.screens()).singleElement().satisfies(s -> {
            assertThat(s.width()).isEqualTo(3840);
            assertThat(panels(s)).hasSize(4);
        });

        WallLayout desk = loader.load("duty-desk").orElseThrow();
        assertThat(desk.screens()).extracting(Screen::id).containsExactly("cockpit", "dispatch");
        assertThat(desk.screen("dispatch").orElseThrow().widgets()).extracting(Placement::type)
                .contains(WidgetType.MAP, WidgetType.VIDEO, WidgetType.INCIDENTS);
    }

    private static List<Placement> panels(Screen s) {
        return s.widgets().stream().filter(p -> p.type().isPanel()).toList();
    }

    @Test
    void theSchemaNamesExactlyTheWidgetTypesTheCodeKnows() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Paths.get(System.getProperty(LayoutLoader.LAYOUTS_PROPERTY),
                LayoutLoader.SCHEMA_FILE).toFile());
        List<String> inSchema = new ArrayList<>();
        schema.at("/$defs/widget/properties/type/enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema).containsExactlyInAnyOrder(
                java.util.Arrays.stream(WidgetType.values()).map(t -> t.id).toArray(String[]::new));
    }

    @Test
    void theReadmeExampleIsAValidLayout() throws IOException {
        String readme = Files.readString(Paths.get(System.getProperty(LayoutLoader.LAYOUTS_PROPERTY), "README.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).isTrue();
        LayoutResult result = LayoutLoader.check("example.json", "README.md", m.group(1));
        assertThat(result).isInstanceOf(LayoutResult.Loaded.class);
    }

    @Test
    void theBaseOfTheBrokenOnesIsValid() throws IOException {
        assertThat(load(BASE)).isInstanceOf(LayoutResult.Loaded.class);
        WallLayout t = load(BASE).orElseThrow();
        assertThat(t.screens().get(0).widgets().get(1))
                .isEqualTo(new Placement(WidgetType.MAP, 2, 1, 3, 1, t.screens().get(0).widgets().get(1).options()));
        assertThat(t.screens().get(0).grid().gap()).isEqualTo(8);
    }

    // ---- broken layouts: each names the file, the line and column, and the field ----

    @Test
    void aSyntaxErrorNamesWhereTheParserStopped() throws IOException {
        // the comma after the map widget is missing
        String text = BASE.replace("\"columnSpan\": 3 },", "\"columnSpan\": 3 }");
        assertThat(errors(text)).singleElement().asString()
                .startsWith("t.json:14:9 screens[0].widgets")
                .contains("was expecting comma");
    }

    @Test
    void aDuplicateKeyIsASyntaxError() throws IOException {
        String text = BASE.replace("\"width\": 1920,", "\"width\": 1920, \"width\": 1280,");
        assertThat(errors(text)).singleElement().asString()
                .startsWith("t.json:8:")
                .contains("screens[0]")
                .contains("Duplicate field 'width'");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThat(errors("  \n")).singleElement().asString().isEqualTo("t.json:1:1 the file is empty");
    }

    @Test
    void anUnknownWidgetType() throws IOException {
        String text = BASE.replace("\"cockpit.city\"", "\"cockpit.weather\"");
        assertThat(errors(text)).singleElement().asString()
                .startsWith("t.json:12:19 screens[0].widgets[0].type: does not have a value in the enumeration")
                .contains("cockpit.city");
    }

    @Test
    void missingScreens() throws IOException {
        String text = """
                {
                  "name": "t",
                  "title": { "zh": "测试", "en": "Test" }
                }
                """;
        assertThat(errors(text)).singleElement().asString().isEqualTo("t.json:1:1 screens: required but missing");
    }

    @Test
    void aWidgetSpanningOutOfTheGrid() throws IOException {
        String text = BASE.replace("\"columnSpan\": 3", "\"columnSpan\": 4");
        assertThat(errors(text)).singleElement().asString().isEqualTo(
                "t.json:13:63 screens[0].widgets[1].columnSpan: must be ≤ 3 (grid has 4 columns, widget starts at column 2)");
    }

    @Test
    void aWidgetStartingBelowTheGrid() throws IOException {
        String text = BASE.replace("\"column\": 1, \"row\": 2", "\"column\": 1, \"row\": 3");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:14:48 screens[0].widgets[2].row: must be ≤ 2 (grid has 2 rows)");
    }

    @Test
    void overlappingWidgets() throws IOException {
        String text = BASE.replace("\"column\": 1, \"row\": 2", "\"column\": 3, \"row\": 1");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:14:9 screens[0].widgets[2]: overlaps widgets[1] (map) at column 3, row 1");
    }

    @Test
    void aStringWhereANumberBelongs() throws IOException {
        String text = BASE.replace("\"width\": 1920", "\"width\": \"1920\"");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:8:16 screens[0].width: string found, integer expected");
    }

    @Test
    void anUnknownPropertyPointsAtItsName() throws IOException {
        String text = BASE.replace("\"height\": 1080,", "\"height\": 1080, \"depth\": 3,");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:9:23 screens[0].depth: unknown property (not in layout.schema.json)");
    }

    @Test
    void aBadOptionForTheWidgetType() throws IOException {
        String text = BASE.replace("\"split\": 4", "\"split\": 5");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:14:73 screens[0].widgets[2].options.split: does not have a value in the enumeration [1, 4, 9, 16]");
    }

    @Test
    void anOptionOfAnotherWidgetType() throws IOException {
        String text = BASE.replace("\"split\": 4", "\"layers\": [\"cameras\"]");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:14:64 screens[0].widgets[2].options.layers: unknown property (not in layout.schema.json)");
    }

    @Test
    void duplicateScreenIds() throws IOException {
        String text = """
                {
                  "name": "t",
                  "title": { "zh": "测试", "en": "Test" },
                  "screens": [
                    { "id": "main", "title": { "zh": "一", "en": "One" }, "width": 1920, "height": 1080,
                      "grid": { "columns": 1, "rows": 1 }, "widgets": [] },
                    { "id": "main", "title": { "zh": "二", "en": "Two" }, "width": 1920, "height": 1080,
                      "grid": { "columns": 1, "rows": 1 }, "widgets": [] }
                  ]
                }
                """;
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:7:13 screens[1].id: 'main' is already the id of screens[0]");
    }

    @Test
    void twoScreensInOneWallCellAndAPositionOutsideTheWall() throws IOException {
        String text = """
                {
                  "name": "t",
                  "title": { "zh": "测试", "en": "Test" },
                  "wall": { "columns": 2, "rows": 1 },
                  "screens": [
                    { "id": "a", "title": { "zh": "一", "en": "One" }, "width": 1920, "height": 1080,
                      "position": { "column": 1, "row": 1 }, "grid": { "columns": 1, "rows": 1 }, "widgets": [] },
                    { "id": "b", "title": { "zh": "二", "en": "Two" }, "width": 1920, "height": 1080,
                      "position": { "column": 1, "row": 1 }, "grid": { "columns": 1, "rows": 1 }, "widgets": [] },
                    { "id": "c", "title": { "zh": "三", "en": "Three" }, "width": 1920, "height": 1080,
                      "position": { "column": 3, "row": 1 }, "grid": { "columns": 1, "rows": 1 }, "widgets": [] }
                  ]
                }
                """;
        assertThat(errors(text)).extracting(LayoutError::toString).containsExactly(
                "t.json:9:19 screens[1].position: screens[0] is already at column 1, row 1 of the wall",
                "t.json:11:31 screens[2].position.column: must be ≤ 2 (the wall has 2 columns)");
    }

    @Test
    void theNameMustBeTheFileName() throws IOException {
        String text = BASE.replace("\"name\": \"t\"", "\"name\": \"other\"");
        assertThat(errors(text)).singleElement().asString()
                .isEqualTo("t.json:2:11 name: must be the file name without .json ('t')");
    }

    @Test
    void everyErrorIsReportedInFileOrder() throws IOException {
        String text = BASE.replace("\"width\": 1920", "\"width\": true")
                .replace("\"cockpit.city\"", "\"weather\"")
                .replace("\"split\": 4", "\"split\": 5");
        assertThat(errors(text)).extracting(LayoutError::line).containsExactly(8, 12, 14);
    }

    @Test
    void anUnknownLayoutNameIsRefusedWithoutALine() {
        LayoutResult result = LayoutLoader.of(dir).load("nope");
        assertThat(result).isInstanceOf(LayoutResult.Refused.class);
        assertThat(((LayoutResult.Refused) result).report()).isEqualTo("nope.json no such file");
    }

    private LayoutResult load(String text) throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return LayoutLoader.of(dir).load("t");
    }

    private List<LayoutError> errors(String text) throws IOException {
        LayoutResult result = load(text);
        assertThat(result).isInstanceOf(LayoutResult.Refused.class);
        return ((LayoutResult.Refused) result).errors();
    }
}
