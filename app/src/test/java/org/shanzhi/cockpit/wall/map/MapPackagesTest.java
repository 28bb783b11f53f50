package org.shanzhi.cockpit.wall.map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The map's packages point one way: the widget ({@code map}) → its layers ({@code map.layer}) → {@code map.geo}. */
@AnalyzeClasses(packages = "org.shanzhi.cockpit.wall.map", importOptions = ImportOption.DoNotIncludeTests.class)
class MapPackagesTest {

    @ArchTest
    static final ArchRule geoDrawsNothing = noClasses().that().resideInAPackage("..wall.map.geo..")
            .should().dependOnClassesThat().resideInAnyPackage("..wall.map", "..wall.map.layer..");

    @ArchTest
    static final ArchRule layersKnowNoWidget = noClasses().that().resideInAPackage("..wall.map.layer..")
            .should().dependOnClassesThat().resideInAPackage("..wall.map");
}
