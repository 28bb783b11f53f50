package org.shanzhi.cockpit.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The scenario's roads as a graph, for distances along them. Built from the drawn polylines: a node
 * at every vertex, where two roads cross (the drawings rarely share a vertex there), and where a road
 * ends within {@link #JOIN_METRES} of another road (a T junction the drawing stops short of; a short
 * connector is added). Roads are two-way: roads.geojson says nothing of direction. Distances are in
 * metres on a local flat projection, precise enough inside one sub-district.
 *
 * <p>A point off the road (a unit, a case) is snapped onto the nearest road segment; the walk to it is
 * reported apart, since it is on foot whatever the unit rides. One {@link #from} is one Dijkstra from
 * the origin outward; each destination is then read in O(edges) for its snap.
 */
public final class RoadNetwork {

    /** A road as drawn: a WGS-84 polyline; {@code kind} as in roads.geojson (expressway, arterial, street, lane). */
    public record Road(String name, String kind, List<GeoPoint> points) {
        public Road {
            points = List.copyOf(points);
        }
    }

    /** A road end this close to another road meets it: the drawings stop short of junctions by up to ~80 m. */
    static final double JOIN_METRES = 100;
    private static final double METRES_PER_DEGREE = 6_371_000 * Math.PI / 180;

    public static final RoadNetwork EMPTY = of(List.of());

    private final double lon0;
    private final double lat0;
    private final double metresPerLon;
    private final double[] nodeX;
    private final double[] nodeY;
    private final int[] edgeA;
    private final int[] edgeB;
    private final double[] edgeLength;
    // adjacency of each node, both ways: neighbours of n are adjNode[adjStart[n] .. adjStart[n + 1])
    private final int[] adjStart;
    private final int[] adjNode;
    private final double[] adjLength;

    private RoadNetwork(double lon0, double lat0, List<double[]> nodes, List<int[]> edges) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.metresPerLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
        int n = nodes.size();
        nodeX = new double[n];
        nodeY = new double[n];
        for (int i = 0; i < n; i++) {
            nodeX[i] = nodes.get(i)[0];
            nodeY[i] = nodes.get(i)[1];
        }
        int m = edges.size();
        edgeA = new int[m];
        edgeB = new int[m];
        edgeLength = new double[m];
        adjStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            edgeA[e] = edges.get(e)[0];
            edgeB[e] = edges.get(e)[1];
            edgeLength[e] = Math.hypot(nodeX[edgeB[e]] - nodeX[edgeA[e]], nodeY[edgeB[e]] - nodeY[edgeA[e]]);
            adjStart[edgeA[e] + 1]++;
            adjStart[edgeB[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            adjStart[i + 1] += adjStart[i];
        }
        adjNode = new int[2 * m];
        adjLength = new double[2 * m];
        int[] fill = Arrays.copyOf(adjStart, n);
        for (int e = 0; e < m; e++) {
            adjNode[fill[edgeA[e]]] = edgeB[e];
            adjLength[fill[edgeA[e]]++] = edgeLength[e];
            adjNode[fill[edgeB[e]]] = edgeA[e];
            adjLength[fill[edgeB[e]]++] = edgeLength[e];
        }
    }

    /** The network of these roads; a road with fewer than two points is ignored. */
    public static RoadNetwork of(List<Road> roads) {
        List<Road> usable = roads.stream().filter(r -> r.points().size() >= 2).toList();
        GeoPoint origin = usable.isEmpty() ? new GeoPoint(0, 0) : usable.get(0).points().get(0);
        return new Builder(origin.lon(), origin.lat(), usable).build();
    }

    public boolean isEmpty() {
        return edgeA.length == 0;
    }

    public int nodeCount() {
        return nodeX.length;
    }

    public int edgeCount() {
        return edgeA.length;
    }

    /** Where a point meets the roads: the edge, how far along it from its first node, and the walk to it. */
    public record Snap(int edge, double along, double offRoadMetres) {
    }

    /** The nearest point on any road to {@code p}; null when there are no roads. */
    public Snap snap(GeoPoint p) {
        if (isEmpty()) {
            return null;
        }
        double px = x(p.lon());
        double py = y(p.lat());
        int best = 0;
        double bestT = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int e = 0; e < edgeA.length; e++) { // squared distances: this loop is the ranking's hot path
            double ax = nodeX[edgeA[e]];
            double ay = nodeY[edgeA[e]];
            double dx = nodeX[edgeB[e]] - ax;
            double dy = nodeY[edgeB[e]] - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
            double ox = ax + t * dx - px;
            double oy = ay + t * dy - py;
            double d2 = ox * ox + oy * oy;
            if (d2 < bestD2) {
                bestD2 = d2;
                best = e;
                bestT = t;
            }
        }
        return new Snap(best, bestT * edgeLength[best], Math.sqrt(bestD2));
    }

    /** The way from the origin to one point: metres along the roads and metres on foot (both ends). */
    public record Route(double roadMetres, double walkMetres) {
    }

    /**
     * Distances from {@code origin} to anywhere. Without roads, every route is the straight line, counted
     * as road (so a view without its base map still ranks sensibly).
     */
    public Distances from(GeoPoint origin) {
        return new Distances(origin);
    }

    /** One Dijkstra's result: read {@link #to} for as many destinations as needed. */
    public final class Distances {

        private final GeoPoint origin;
        private final Snap start;
        private final double[] dist;

        private Distances(GeoPoint origin) {
            this.origin = origin;
            this.start = snap(origin);
            this.dist = new double[nodeX.length];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            if (start != null) {
                dijkstra();
            }
        }

        private void dijkstra() {
            record Entry(double d, int node) {
            }
            PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Double.compare(a.d(), b.d()));
            int a = edgeA[start.edge()];
            int b = edgeB[start.edge()];
            dist[a] = start.along();
            dist[b] = Math.min(dist[b], edgeLength[start.edge()] - start.along());
            queue.add(new Entry(dist[a], a));
            queue.add(new Entry(dist[b], b));
            while (!queue.isEmpty()) {
                Entry head = queue.poll();
                int n = head.node();
                if (head.d() > dist[n]) {
                    continue;
                }
                for (int k = adjStart[n]; k < adjStart[n + 1]; k++) {
                    double d = head.d() + adjLength[k];
                    if (d < dist[adjNode[k]]) {
                        dist[adjNode[k]] = d;
                        queue.add(new Entry(d, adjNode[k]));
                    }
                }
            }
        }

        /**
         * The route to {@code p}; null when no road joins them (separate pieces of the network). Two points nearer
         * to each other than to the roads are one straight walk apart.
         */
        public Route to(GeoPoint p) {
            if (start == null) {
                return new Route(origin.metresTo(p), 0);
            }
            Snap s = snap(p);
            double direct = origin.metresTo(p);
            if (direct <= s.offRoadMetres() + start.offRoadMetres()) {
                return new Route(0, direct);
            }
            int e = s.edge();
            double road = Math.min(dist[edgeA[e]] + s.along(), dist[edgeB[e]] + edgeLength[e] - s.along());
            if (e == start.edge()) {
                road = Math.min(road, Math.abs(s.along() - start.along()));
            }
            return Double.isInfinite(road) ? null : new Route(road, s.offRoadMetres() + start.offRoadMetres());
        }
    }

    private double x(double lon) {
        return (lon - lon0) * metresPerLon;
    }

    private double y(double lat) {
        return (lat - lat0) * METRES_PER_DEGREE;
    }

    /** Splits the drawn segments where they cross or are joined, and numbers the nodes. */
    private static final class Builder {

        /** A point where a segment is cut, at fraction t of it. */
        private record Cut(double t, double x, double y) {
        }

        private final double lon0;
        private final double lat0;
        private final double metresPerLon;
        private final List<Road> roads;
        private final List<double[]> segments = new ArrayList<>(); // x1, y1, x2, y2, road index
        private final List<List<Cut>> cuts = new ArrayList<>();
        private final List<double[]> connectors = new ArrayList<>(); // x1, y1, x2, y2
        private final Map<Long, Integer> nodeIds = new HashMap<>();
        private final List<double[]> nodes = new ArrayList<>();
        private final List<int[]> edges = new ArrayList<>();

        Builder(double lon0, double lat0, List<Road> roads) {
            this.lon0 = lon0;
            this.lat0 = lat0;
            this.metresPerLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
            this.roads = roads;
        }

        RoadNetwork build() {
            for (int r = 0; r < roads.size(); r++) {
                List<GeoPoint> pts = roads.get(r).points();
                for (int k = 1; k < pts.size(); k++) {
                    double x1 = (pts.get(k - 1).lon() - lon0) * metresPerLon;
                    double y1 = (pts.get(k - 1).lat() - lat0) * METRES_PER_DEGREE;
                    double x2 = (pts.get(k).lon() - lon0) * metresPerLon;
                    double y2 = (pts.get(k).lat() - lat0) * METRES_PER_DEGREE;
                    segments.add(new double[] {x1, y1, x2, y2, r});
                    cuts.add(new ArrayList<>(List.of(new Cut(0, x1, y1), new Cut(1, x2, y2))));
                }
            }
            crossings();
            joins();
            for (int i = 0; i < segments.size(); i++) {
                List<Cut> c = cuts.get(i);
                c.sort((p, q) -> Double.compare(p.t(), q.t()));
                for (int k = 1; k < c.size(); k++) {
                    edge(node(c.get(k - 1).x(), c.get(k - 1).y()), node(c.get(k).x(), c.get(k).y()));
                }
            }
            for (double[] c : connectors) {
                edge(node(c[0], c[1]), node(c[2], c[3]));
            }
            return new RoadNetwork(lon0, lat0, nodes, edges);
        }

        /** Where two segments cross, both are cut at the one point computed. */
        private void crossings() {
            for (int i = 0; i < segments.size(); i++) {
                double[] s = segments.get(i);
                for (int j = i + 1; j < segments.size(); j++) {
                    double[] o = segments.get(j);
                    double rx = s[2] - s[0];
                    double ry = s[3] - s[1];
                    double qx = o[2] - o[0];
                    double qy = o[3] - o[1];
                    double denom = rx * qy - ry * qx;
                    if (denom == 0) {
                        continue; // parallel: they meet, if at all, at shared vertices
                    }
                    double t = ((o[0] - s[0]) * qy - (o[1] - s[1]) * qx) / denom;
                    double u = ((o[0] - s[0]) * ry - (o[1] - s[1]) * rx) / denom;
                    if (t > 0 && t < 1 && u > 0 && u < 1) {
                        double x = s[0] + t * rx;
                        double y = s[1] + t * ry;
                        cuts.get(i).add(new Cut(t, x, y));
                        cuts.get(j).add(new Cut(u, x, y));
                    }
                }
            }
        }

        /** A road's end near another road (not touching it) is joined to it by a connector. */
        private void joins() {
            for (int r = 0; r < roads.size(); r++) {
                List<GeoPoint> pts = roads.get(r).points();
                for (GeoPoint end : List.of(pts.get(0), pts.get(pts.size() - 1))) {
                    double px = (end.lon() - lon0) * metresPerLon;
                    double py = (end.lat() - lat0) * METRES_PER_DEGREE;
                    int best = -1;
                    double bestT = 0;
                    double bestD = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < segments.size(); i++) {
                        double[] s = segments.get(i);
                        if (s[4] == r) {
                            continue;
                        }
                        double dx = s[2] - s[0];
                        double dy = s[3] - s[1];
                        double len2 = dx * dx + dy * dy;
                        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - s[0]) * dx + (py - s[1]) * dy) / len2));
                        double d = Math.hypot(s[0] + t * dx - px, s[1] + t * dy - py);
                        if (d < bestD) {
                            bestD = d;
                            best = i;
                            bestT = t;
                        }
                    }
                    if (best < 0 || bestD > JOIN_METRES) {
                        continue;
                    }
                    if (bestD < 0.01) { // it ends on the other road: cut that road at the very end point
                        cuts.get(best).add(new Cut(bestT, px, py));
                        continue;
                    }
                    double[] s = segments.get(best);
                    double x = s[0] + bestT * (s[2] - s[0]);
                    double y = s[1] + bestT * (s[3] - s[1]);
                    cuts.get(best).add(new Cut(bestT, x, y));
                    connectors.add(new double[] {px, py, x, y});
                }
            }
        }

        /** Points within a centimetre are one node: shared vertices and the cuts computed once for both segments. */
        private int node(double x, double y) {
            long key = Math.round(x * 100) * 4_000_000_000L + Math.round(y * 100);
            return nodeIds.computeIfAbsent(key, k -> {
                nodes.add(new double[] {x, y});
                return nodes.size() - 1;
            });
        }

        private void edge(int a, int b) {
            if (a != b) {
                edges.add(new int[] {a, b});
            }
        }
    }
}
