package org.shanzhi.cockpit.wall.map.geo;

import java.util.List;

import org.shanzhi.cockpit.domain.RoadNetwork;

/**
 * The vector base under the situation layers: roads and points of interest, already projected onto
 * the world plane of {@link MapProjection} so that a frame only scales and shifts them; and the same
 * roads as a {@link RoadNetwork}, for travel times.
 */
public record BaseMap(List<Road> roads, List<Poi> pois, RoadNetwork network) {

    public static final BaseMap EMPTY = new BaseMap(List.of(), List.of(), RoadNetwork.EMPTY);

    public BaseMap {
        roads = List.copyOf(roads);
        pois = List.copyOf(pois);
    }

    /** Names of placeholder features end in "(示意)"; the map's attribution says the base is schematic instead. */
    public static String shortName(String name) {
        return name.replace("(示意)", "").replace("（示意）", "");
    }

    /** A road as a polyline; {@code kind} is expressway, arterial, street or lane. */
    public record Road(String name, String kind, double[] xs, double[] ys) {

        /** Main roads get a wider line and their name drawn along them. */
        public boolean main() {
            return "expressway".equals(kind) || "arterial".equals(kind);
        }

        public int rank() {
            return switch (kind == null ? "" : kind) {
                case "expressway" -> 3;
                case "arterial" -> 2;
                case "street" -> 1;
                default -> 0;
            };
        }
    }

    /** A point of interest; {@code kind} as in pois.geojson (metro_station, street_office, school …). */
    public record Poi(String id, String name, String kind, double x, double y) {
    }
}
