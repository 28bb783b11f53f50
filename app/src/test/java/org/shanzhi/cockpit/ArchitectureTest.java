package org.shanzhi.cockpit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: hub → json → domain; the domain knows no UI, HTTP, SQL or JSON. */
@AnalyzeClasses(packages = "org.shanzhi.cockpit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..cockpit.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "java.sql..",
                    "com.fasterxml..", "okhttp3..", "org.eclipse.jetty..", "java.net..", "java.nio.file..",
                    "org.shanzhi.cockpit.hub..", "org.shanzhi.cockpit.app..");

    @ArchTest
    static final ArchRule hubHasNoUi = noClasses().that().resideInAPackage("..cockpit.hub..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.shanzhi.cockpit.app..");

    @ArchTest
    static final ArchRule videoServesWithoutTheHubsInsides = noClasses().that().resideInAPackage("..cockpit.hub.video..")
            .should().dependOnClassesThat().resideInAPackage("org.shanzhi.cockpit.hub");

    @ArchTest
    static final ArchRule jsonMapsOnlyTheDomain = noClasses().that().resideInAPackage("..cockpit.json..")
            .should().dependOnClassesThat().resideInAnyPackage("org.shanzhi.cockpit.hub..",
                    "org.shanzhi.cockpit.app..", "javafx..", "io.javalin..");

    @ArchTest
    static final ArchRule recordingsAreReadWithoutAHub = noClasses().that().resideInAPackage("..cockpit.recording..")
            .should().dependOnClassesThat().resideInAnyPackage("org.shanzhi.cockpit.hub..",
                    "org.shanzhi.cockpit.app..", "org.shanzhi.cockpit.wall..", "javafx..", "io.javalin..");

    @ArchTest
    static final ArchRule theDebriefPageReadsOnlyTheDomain = noClasses().that().resideInAPackage("..cockpit.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.shanzhi.cockpit.hub..", "org.shanzhi.cockpit.app..",
                    "org.shanzhi.cockpit.wall..", "org.shanzhi.cockpit.json..", "javafx..");

    @ArchTest
    static final ArchRule simulatorKnowsNoTransport = noClasses().that().resideInAPackage("..cockpit.hub.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "java.sql..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule clientsReadTheHubOnlyOverTheWire = noClasses().that()
            .resideInAnyPackage("..cockpit.wall..", "..cockpit.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("org.shanzhi.cockpit.hub..", "io.javalin..",
                    "java.sql..", "org.shanzhi.cockpit.app..");

    @ArchTest
    static final ArchRule feedHasNoUi = noClasses().that().resideInAPackage("..cockpit.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.shanzhi.cockpit.wall..");

    @ArchTest
    static final ArchRule layoutsArePlainJava = noClasses().that().resideInAPackage("..cockpit.wall.layout..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.shanzhi.cockpit.hub..",
                    "org.shanzhi.cockpit.app..");

    @ArchTest
    static final ArchRule onlyKpiWidgetsUseTilesFx = noClasses().that().resideOutsideOfPackage("..cockpit.wall.kpi..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.hansolo..");

    @ArchTest
    static final ArchRule onlyTheVideoTilesUseLibvlc = noClasses().that().resideOutsideOfPackage("..cockpit.wall.video..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.co.caprica..");

    @ArchTest
    static final ArchRule cockpitFiguresAreData = noClasses().that().haveSimpleNameStartingWith("CockpitFigures")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..");

    @ArchTest
    static final ArchRule theWallFrameIsData = noClasses().that().haveSimpleNameStartingWith("WallFrame")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..");

    @ArchTest
    static final ArchRule theVideoGridDecidesWithoutJavaFxOrAPlayer = noClasses()
            .that().haveSimpleNameStartingWith("VideoGrid")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "uk.co.caprica..", "com.sun.jna..");
}
