#!/usr/bin/env python3
"""Generates the 和义街道 scenario assets (see README.md for what is sourced and what is not).

Deterministic: python3 standard library only, a fixed seed, no clock. Run from anywhere:

    python3 assets/heyi/generate.py

It rewrites district.json, communities.geojson, roads.geojson, pois.geojson, grids.geojson
and inventory.json next to itself.
"""
import json
import math
import os
import random

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260530

# --- district (DOMAIN.md §0, §6) -----------------------------------------------------------------
WEST, EAST, SOUTH, NORTH = 116.372, 116.419, 39.803, 39.831
LAT0 = (SOUTH + NORTH) / 2
M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))
POPULATION = 48_000

# --- communities (DOMAIN.md §6 synthetic layout table) -------------------------------------------
# code suffix, name, short name for camera labels, centroid lon/lat, buildings, households, synthetic
COMMUNITIES = [
    ("001", "和义西里第一社区", "和义西里一区", 116.383, 39.822, 32, 1900, False),
    ("002", "和义西里第二社区", "和义西里二区", 116.388, 39.816, 30, 1800, False),
    ("003", "和义西里第三社区", "和义西里三区", 116.384, 39.809, 28, 1700, False),
    ("004", "南苑北里第一社区", "南苑北里一区", 116.394, 39.823, 26, 1600, False),
    ("005", "南苑北里第二社区", "南苑北里二区", 116.395, 39.812, 26, 1600, False),
    ("006", "和义东里第一社区", "和义东里一区", 116.404, 39.818, 34, 2100, False),
    ("007", "和义东里第二社区", "和义东里二区", 116.408, 39.812, 34, 2100, False),
    ("008", "和义东里第三社区", "和义东里三区", 116.412, 39.819, 30, 1900, False),
    ("009", "久敬庄社区", "久敬庄", 116.414, 39.827, 20, 1300, False),
    ("010", "新建商品房社区A(虚构)", "新建商品房A区", 116.376, 39.826, 18, 1400, True),
    ("011", "新建商品房社区B(虚构)", "新建商品房B区", 116.392, 39.805, 18, 1400, True),
]
STREET = "110106016"


def to_xy(lon, lat):
    return ((lon - WEST) * M_PER_DEG_LON, (lat - SOUTH) * M_PER_DEG_LAT)


def to_lonlat(x, y):
    return (round(WEST + x / M_PER_DEG_LON, 6), round(SOUTH + y / M_PER_DEG_LAT, 6))


def clip(poly, a, b, c):
    """Sutherland–Hodgman: keeps the part of poly where a*x + b*y <= c."""
    out = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def clip_convex(poly, convex):
    """Clips poly by a convex polygon given counter-clockwise."""
    n = len(convex)
    for i in range(n):
        p, q = convex[i], convex[(i + 1) % n]
        # inside = left of p->q: (q-p) x (r-p) >= 0  <=>  a*x + b*y <= c
        a = q[1] - p[1]
        b = -(q[0] - p[0])
        c = a * p[0] + b * p[1]
        poly = clip(poly, a, b, c)
        if not poly:
            return []
    return poly


def area(poly):
    s = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % len(poly)]
        s += x1 * y2 - x2 * y1
    return s / 2


def contains(ring, lon, lat):
    """The same even-odd test as org.shanzhi.cockpit.domain.Polygon.contains."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        ax, ay = ring[i]
        bx, by = ring[j]
        if (ay > lat) != (by > lat) and lon < (bx - ax) * (lat - ay) / (by - ay) + ax:
            inside = not inside
        j = i
    return inside


def closed(ring):
    return [list(p) for p in ring] + [list(ring[0])]


BOX = [(0.0, 0.0), to_xy(EAST, SOUTH), to_xy(EAST, NORTH), to_xy(WEST, NORTH)]


def voronoi_cells():
    sites = [to_xy(c[3], c[4]) for c in COMMUNITIES]
    cells = []
    for i, s in enumerate(sites):
        poly = list(BOX)
        for j, t in enumerate(sites):
            if i == j:
                continue
            # keep points closer to s than to t
            a, b = t[0] - s[0], t[1] - s[1]
            c = (t[0] ** 2 + t[1] ** 2 - s[0] ** 2 - s[1] ** 2) / 2
            poly = clip(poly, a, b, c)
        cells.append(poly)
    return cells


def feature(geom_type, coords, props):
    return {"type": "Feature", "properties": props, "geometry": {"type": geom_type, "coordinates": coords}}


def write(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    rnd = random.Random(SEED)

    # district ---------------------------------------------------------------------------------
    write("district.json", {
        "code": STREET,
        "name": "和义街道",
        "population": POPULATION,
        "areaKm2": 6.78,
        "bounds": {"west": WEST, "south": SOUTH, "east": EAST, "north": NORTH},
        "sources": {
            "code": "[S3] admin-code tables: 110106016 和义街道",
            "population": "[S2] 常住人口4.8万 (2024)",
            "areaKm2": "[S2] 6.78 km² (2024)",
            "bounds": "[S1] E116°22′18″–116°25′08″, N39°48′10″–39°49′51″, rounded bbox [D] (DOMAIN.md §6)",
            "note": "WGS-84. The bbox (≈12.5 km²) is larger than the real area; community shapes are synthetic."
        }
    })

    # communities --------------------------------------------------------------------------------
    total_hh = sum(c[6] for c in COMMUNITIES)
    pops = [round(c[6] * POPULATION / total_hh) for c in COMMUNITIES]
    pops[-1] += POPULATION - sum(pops)
    cells = voronoi_cells()
    community_rings = []
    feats = []
    for (suffix, name, short, lon, lat, bld, hh, synthetic), cell, pop in zip(COMMUNITIES, cells, pops):
        ring = [to_lonlat(x, y) for x, y in cell]
        assert contains(ring, lon, lat), name
        community_rings.append(ring)
        feats.append(feature("Polygon", [closed(ring)], {
            "code": STREET + suffix,
            "name": name,
            "shortName": short,
            "households": hh,
            "population": pop,
            "buildings": bld,
            "centroid": [lon, lat],
            "synthetic": synthetic,
            "approximate": "names from an older list [U]; boundaries are Voronoi cells of assumed centroids [E]",
        }))
    write("communities.geojson", {"type": "FeatureCollection", "features": feats})

    def community_of(lon, lat):
        for k, ring in enumerate(community_rings):
            if contains(ring, lon, lat):
                return k
        return None

    # roads --------------------------------------------------------------------------------------
    roads = [
        ("南四环中路", "expressway", False, [(116.3722, 39.8302), (116.3850, 39.8303), (116.4000, 39.8303),
                                             (116.4100, 39.8302), (116.4188, 39.8301)]),
        ("南苑路", "arterial", False, [(116.4000, 39.8300), (116.4001, 39.8200), (116.4002, 39.8100),
                                        (116.4003, 39.8032)]),
        ("和义西路(示意)", "street", True, [(116.3790, 39.8295), (116.3792, 39.8180), (116.3795, 39.8035)]),
        ("西里中街(示意)", "street", True, [(116.3880, 39.8295), (116.3878, 39.8190), (116.3882, 39.8035)]),
        ("和义东路(示意)", "street", True, [(116.4090, 39.8295), (116.4088, 39.8200), (116.4092, 39.8035)]),
        ("久敬庄路(示意)", "street", True, [(116.4150, 39.8295), (116.4152, 39.8220), (116.4160, 39.8100)]),
        ("和义北街(示意)", "street", True, [(116.3725, 39.8250), (116.3900, 39.8252), (116.4185, 39.8248)]),
        ("和义中街(示意)", "street", True, [(116.3725, 39.8170), (116.3900, 39.8168), (116.4000, 39.8166),
                                          (116.4185, 39.8165)]),
        ("南苑北里街(示意)", "street", True, [(116.3725, 39.8105), (116.3950, 39.8103), (116.4185, 39.8100)]),
        ("和义南街(示意)", "street", True, [(116.3760, 39.8050), (116.3950, 39.8052), (116.4100, 39.8050)]),
        ("东里环路(示意)", "lane", True, [(116.4020, 39.8215), (116.4130, 39.8215), (116.4130, 39.8140),
                                          (116.4020, 39.8140), (116.4020, 39.8215)]),
        ("西里环路(示意)", "lane", True, [(116.3815, 39.8235), (116.3920, 39.8235), (116.3920, 39.8120),
                                          (116.3815, 39.8120), (116.3815, 39.8235)]),
    ]
    feats = []
    for name, kind, synthetic, pts in roads:
        for lon, lat in pts:
            assert WEST < lon < EAST and SOUTH < lat < NORTH, name
        feats.append(feature("LineString", [list(p) for p in pts],
                             {"name": name, "kind": kind, "synthetic": synthetic}))
    write("roads.geojson", {"type": "FeatureCollection", "features": feats})

    # POIs ---------------------------------------------------------------------------------------
    pois = [
        ("POI-STATION", "地铁8号线和义站", "metro_station", 116.40210, 39.81416, False, "[S6]"),
        ("POI-OFFICE", "和义街道办事处/街道综治中心", "street_office", 116.399236, 39.810009, True,
         "[S7] street point, unknown CRS; placement of the office there is [E]"),
        ("POI-POLICE", "和义派出所", "police_station", 116.3975, 39.8140, True, "[S2] named; position [E]"),
        ("POI-CLINIC", "和义社区卫生服务站", "clinic", 116.4060, 39.8150, True, "[E]"),
        ("POI-SCHOOL-1", "和义学校(示意)", "school", 116.3860, 39.8200, True, "[E]"),
        ("POI-SCHOOL-2", "南苑北里小学(示意)", "school", 116.3960, 39.8180, True, "[E]"),
        ("POI-SCHOOL-3", "和义东里幼儿园(示意)", "school", 116.4105, 39.8130, True, "[E]"),
        ("POI-MARKET", "和义农贸市场(示意)", "market", 116.3930, 39.8085, True, "[E]"),
        ("POI-JIUJING", "久敬庄接济服务中心", "municipal_facility", 116.4160, 39.8280, True,
         "DOMAIN.md §3.2: municipal facility, map POI only; position [E]"),
    ]
    switch_stations = [
        ("SW-01", "西里10kV开闭站", 116.3840, 39.8215),
        ("SW-02", "西里南10kV开闭站", 116.3855, 39.8085),
        ("SW-03", "南苑北里10kV开闭站", 116.3950, 39.8210),
        ("SW-04", "东里一区10kV开闭站", 116.4045, 39.8190),
        ("SW-05", "东里二区10kV开闭站", 116.4075, 39.8105),
        ("SW-06", "东里三区10kV开闭站", 116.4125, 39.8195),
        ("SW-07", "久敬庄10kV开闭站", 116.4145, 39.8265),
        ("SW-08", "商品房A区10kV开闭站", 116.3765, 39.8270),
    ]
    feats = []
    for pid, name, kind, lon, lat, synthetic, src in pois:
        feats.append(feature("Point", [lon, lat], {"id": pid, "name": name, "kind": kind,
                                                   "synthetic": synthetic, "source": src}))
    for sid, name, lon, lat in switch_stations:
        feats.append(feature("Point", [lon, lat], {"id": "POI-" + sid, "name": name, "kind": "switch_station",
                                                   "synthetic": True, "source": "[E] DOMAIN.md §6"}))
    for f in feats:
        lon, lat = f["geometry"]["coordinates"]
        assert WEST < lon < EAST and SOUTH < lat < NORTH, f
    write("pois.geojson", {"type": "FeatureCollection", "features": feats})

    # grids --------------------------------------------------------------------------------------
    # A lattice anchored at the NW corner, clipped to each (convex) community cell. Serials run
    # west→east along a row, rows north→south. GOVERNANCE serials 001–099, UNIT serials 101–999.
    def lattice(step_m, min_fraction):
        w, h = BOX[2]
        out = []
        for k, cell in enumerate(cells):
            ccw = cell if area(cell) > 0 else list(reversed(cell))
            pieces = []
            rows = int(math.ceil(h / step_m))
            cols = int(math.ceil(w / step_m))
            for r in range(rows):
                y1 = h - r * step_m
                y0 = max(0.0, y1 - step_m)
                for c in range(cols):
                    x0 = c * step_m
                    x1 = min(w, x0 + step_m)
                    sq = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                    piece = clip_convex(sq, ccw)
                    if len(piece) >= 3 and abs(area(piece)) >= min_fraction * step_m * step_m:
                        pieces.append((r, c, piece))
            out.append(pieces)
        return out

    def choose(target, lo, hi, min_fraction):
        best = None
        s = lo
        while s <= hi:
            n = sum(len(p) for p in lattice(s, min_fraction))
            if best is None or abs(n - target) < abs(best[1] - target):
                best = (s, n)
            s += 1.0
        return best[0]

    gov_step = choose(110, 250.0, 420.0, 0.15)
    unit_step = choose(650, 110.0, 170.0, 0.02)
    feats = []
    for kind, step, first, minf in (("GOVERNANCE", gov_step, 1, 0.15), ("UNIT", unit_step, 101, 0.02)):
        for k, pieces in enumerate(lattice(step, minf)):
            code = STREET + COMMUNITIES[k][0]
            assert first + len(pieces) - 1 <= (99 if kind == "GOVERNANCE" else 999), (kind, k, len(pieces))
            for n, (r, c, piece) in enumerate(pieces):
                ring = [to_lonlat(x, y) for x, y in piece]
                # drop repeated points after rounding
                dedup = []
                for p in ring:
                    if not dedup or dedup[-1] != p:
                        dedup.append(p)
                if dedup[0] == dedup[-1]:
                    dedup.pop()
                if len(dedup) < 3:
                    continue
                feats.append(feature("Polygon", [closed(dedup)], {
                    "code": "%s%03d" % (code, first + n),
                    "kind": kind,
                    "communityCode": code,
                    "stepMetres": step,
                }))
    write("grids.geojson", {"type": "FeatureCollection", "features": feats})
    gov_count = sum(1 for f in feats if f["properties"]["kind"] == "GOVERNANCE")
    unit_count = len(feats) - gov_count

    # inventory ----------------------------------------------------------------------------------
    def random_point_in(k, margin=0.00015):
        ring = community_rings[k]
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        while True:
            lon = rnd.uniform(min(lons), max(lons))
            lat = rnd.uniform(min(lats), max(lats))
            if not (WEST + margin < lon < EAST - margin and SOUTH + margin < lat < NORTH - margin):
                continue
            if contains(ring, lon, lat):
                return round(lon, 6), round(lat, 6)

    def point_on_road(pts):
        seg = rnd.randrange(len(pts) - 1)
        t = rnd.random()
        (a, b), (c, d) = pts[seg], pts[seg + 1]
        # a few metres off the kerb
        lon = a + t * (c - a) + rnd.uniform(-0.00008, 0.00008)
        lat = b + t * (d - b) + rnd.uniform(-0.00006, 0.00006)
        lon = min(max(lon, WEST + 0.00005), EAST - 0.00005)
        lat = min(max(lat, SOUTH + 0.00005), NORTH - 0.00005)
        return round(lon, 6), round(lat, 6)

    sides = ["东侧", "西侧", "南侧", "北侧", "单元门", "楼道口", "车棚", "东北角", "西南角"]
    places = ["小区北门", "小区南门", "小区东门", "小区西门", "健身广场", "垃圾分类驿站", "非机动车棚", "地下车库入口",
              "消防通道", "社区服务站", "快递柜", "充电桩"]
    cameras = []
    names_seen = set()
    n_total = 1043
    n_road = 380
    weights = [c[6] for c in COMMUNITIES]
    for i in range(n_total):
        if i < n_road:
            road = roads[i % len(roads)]
            lon, lat = point_on_road(road[3])
            base = road[0].replace("(示意)", "")
            name = "%s%d号杆" % (base, i // len(roads) + 1)
            on_road = True
        else:
            k = rnd.choices(range(len(COMMUNITIES)), weights=weights)[0]
            lon, lat = random_point_in(k)
            short = COMMUNITIES[k][2]
            if rnd.random() < 0.7:
                name = "%s%d号楼%s" % (short, rnd.randint(1, COMMUNITIES[k][5]), rnd.choice(sides))
            else:
                name = "%s%s" % (short, rnd.choice(places))
            on_road = False
        k = community_of(lon, lat)
        if k is None:
            # on a shared edge after rounding: nudge towards the district centre
            lon = round(lon + (116.396 - lon) * 0.001, 6)
            lat = round(lat + (39.817 - lat) * 0.001, 6)
            k = community_of(lon, lat)
        assert k is not None, (lon, lat)
        base_name = name
        dup = 2
        while name in names_seen:
            name = "%s-%d" % (base_name, dup)
            dup += 1
        names_seen.add(name)
        cid = "CAM-%04d" % (i + 1)
        cameras.append({"id": cid, "name": name, "lon": lon, "lat": lat,
                        "communityCode": STREET + COMMUNITIES[k][0], "onRoad": on_road,
                        "ai": False, "online": True, "streamPath": "/video/%s.mjpg" % cid})
    # AI points favour roads, gates, squares and the market area ("重点区域场所")
    ranked = sorted(range(n_total), key=lambda j: (0 if cameras[j]["onRoad"] else 1, rnd.random()))
    ai_pick = set(ranked[:70]) | set(rnd.sample(ranked[70:], 38))
    for j in ai_pick:
        cameras[j]["ai"] = True
    for j in rnd.sample(range(n_total), 52):
        cameras[j]["online"] = False
    for cam in cameras:
        del cam["onRoad"]

    # sensors: kind, count, threshold, baseline
    sensors = []
    low_points = [(116.4001, 39.8140), (116.4000, 39.8250), (116.3880, 39.8105), (116.4090, 39.8166),
                  (116.3795, 39.8060), (116.4152, 39.8200), (116.3950, 39.8052), (116.4002, 39.8060),
                  (116.3792, 39.8170), (116.4088, 39.8250), (116.3900, 39.8252), (116.4130, 39.8140),
                  (116.3920, 39.8120), (116.4155, 39.8105)]
    seq = 0

    def add_sensor(kind, lon, lat, threshold, baseline, label):
        nonlocal seq
        seq += 1
        k = community_of(lon, lat)
        assert k is not None
        sensors.append({"id": "SEN-%s-%02d" % (kind[:3], seq), "kind": kind, "name": label, "lon": lon,
                        "lat": lat, "communityCode": STREET + COMMUNITIES[k][0], "threshold": threshold,
                        "baseline": baseline})

    for i, (lon, lat) in enumerate(low_points):
        add_sensor("WATER_LEVEL", lon, lat, 15.0, 0.0, "积水监测点%d" % (i + 1))
    old = [0, 1, 2, 3, 4, 5, 6, 7]  # the 1990s resettlement estates
    for i in range(16):
        k = old[i % len(old)]
        lon, lat = random_point_in(k)
        add_sensor("SMOKE", lon, lat, 8.0, 0.3, "%s%d号楼楼道烟感" % (COMMUNITIES[k][2], rnd.randint(1, COMMUNITIES[k][5])))
    for sid, name, lon, lat in switch_stations:
        add_sensor("POWER", lon, lat, 400.0, 180.0, name + "负荷")
    for i in range(14):
        road = roads[2 + i % (len(roads) - 2)]
        lon, lat = point_on_road(road[3])
        add_sensor("MANHOLE_COVER", lon, lat, 15.0, 0.5, "%s井盖%d" % (road[0].replace("(示意)", ""), i + 1))
    for i in range(8):
        k = old[i % len(old)]
        lon, lat = random_point_in(k)
        add_sensor("GAS", lon, lat, 20.0, 0.5, "%s燃气调压箱%d" % (COMMUNITIES[k][2], i + 1))

    # field units
    units = []
    gov = [f for f in feats if f["properties"]["kind"] == "GOVERNANCE"]

    def centroid(f):
        ring = f["geometry"]["coordinates"][0][:-1]
        return (round(sum(p[0] for p in ring) / len(ring), 6), round(sum(p[1] for p in ring) / len(ring), 6))

    for i in range(120):
        g = gov[i % len(gov)]
        lon, lat = centroid(g)
        k = community_of(lon, lat)
        if k is None:
            k = [c[0] for c in COMMUNITIES].index(g["properties"]["communityCode"][-3:])
            lon, lat = random_point_in(k)
        units.append({"id": "GW-%03d" % (i + 1), "name": "%s网格员%03d" % (COMMUNITIES[k][2], i + 1),
                      "role": "GRID_WORKER", "lon": lon, "lat": lat, "gridCode": g["properties"]["code"]})
    office = (116.399236, 39.810009)
    police = (116.3975, 39.8140)
    for i in range(25):
        units.append({"id": "CG-%02d" % (i + 1), "name": "综合执法队员%02d" % (i + 1), "role": "ENFORCEMENT",
                      "lon": round(office[0] + rnd.uniform(-0.0004, 0.0004), 6),
                      "lat": round(office[1] + rnd.uniform(-0.0003, 0.0003), 6)})
    for i in range(8):
        units.append({"id": "PS-%02d" % (i + 1), "name": "和义派出所巡逻%02d" % (i + 1), "role": "POLICE",
                      "lon": round(police[0] + rnd.uniform(-0.0003, 0.0003), 6),
                      "lat": round(police[1] + rnd.uniform(-0.0002, 0.0002), 6)})
    for i in range(8):
        k = i % 9
        lon, lat = COMMUNITIES[k][3], COMMUNITIES[k][4]
        units.append({"id": "WY-%02d" % (i + 1), "name": "%s物业维修%02d" % (COMMUNITIES[k][2], i + 1),
                      "role": "PROPERTY", "lon": lon, "lat": lat})
    units.append({"id": "YL-01", "name": "园林养护班(吊车)", "role": "LANDSCAPING", "lon": 116.3900, "lat": 39.8060})
    for i, (dept, lon, lat) in enumerate([("供电抢修", 116.4125, 39.8190), ("燃气抢修", 116.3860, 39.8100),
                                          ("排水抢修", 116.4010, 39.8060), ("通信抢修", 116.4040, 39.8230)]):
        units.append({"id": "GY-%02d" % (i + 1), "name": dept + "班", "role": "UTILITY", "lon": lon, "lat": lat})

    committees = []
    mediators_left = 62
    for i, c in enumerate(COMMUNITIES):
        n = 6 if i < 7 else 5
        mediators_left -= n
        committees.append({"name": c[1] + "人民调解委员会", "communityCode": STREET + c[0],
                           "mediators": ["MED-%s-%d" % (c[0], m + 1) for m in range(n)]})
    assert mediators_left == 0
    officers = []
    for i in range(120):
        k = rnd.choices(range(len(COMMUNITIES)), weights=weights)[0]
        officers.append({"id": "INF-%03d" % (i + 1), "communityCode": STREET + COMMUNITIES[k][0]})

    write("inventory.json", {
        "sources": {
            "cameras": "1,043 points and 100+ AI points from the source document [seed 000]; positions, names and "
                       "the choice of the 108 AI points are synthetic [E]",
            "mediators": "11 调委会 / 62 调解员 [seed 000]; member ids synthetic",
            "officers": "120 情报信息员 [seed 000]; ids synthetic",
            "sensors": "kinds and thresholds [E]",
            "units": "120 网格员 [seed 000]; other crews DOMAIN.md §5 [E]",
        },
        "cameras": cameras,
        "sensors": sensors,
        "units": units,
        "committees": committees,
        "officers": officers,
    })
    print("communities %d, grids %d governance (step %.0f m) + %d unit (step %.0f m), cameras %d (ai %d, offline %d), "
          "sensors %d, units %d" % (len(COMMUNITIES), gov_count, gov_step, unit_count, unit_step, len(cameras),
                                    sum(c["ai"] for c in cameras), sum(not c["online"] for c in cameras),
                                    len(sensors), len(units)))


if __name__ == "__main__":
    main()
