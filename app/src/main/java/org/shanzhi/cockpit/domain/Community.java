package org.shanzhi.cockpit.domain;

/** A residents' community (社区). {@code synthetic} marks names and shapes that are placeholders. */
public record Community(String code, String name, int population, int households, Polygon boundary,
                        boolean synthetic) {
}
