package org.shanzhi.cockpit.domain;

/** The sub-district (街道) the situation covers. */
public record District(String code, String name, int population, double areaKm2, Bounds bounds) {
}
