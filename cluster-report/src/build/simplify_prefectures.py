#!/usr/bin/env python3
"""One-off build step (not run by Maven): turns Natural Earth's admin-1 polygons of Japan into
the compact resource japan-prefectures.txt that JapanGeometry reads.

Usage: python3 simplify_prefectures.py states_jp.json > ../main/resources/io/github/renkei/cluster/report/japan-prefectures.txt

Input: a GeoJSON FeatureCollection of Natural Earth 1:10m admin-1 states/provinces filtered to
adm0_a3 = 'JPN' (47 features; see NOTICE-japan-prefectures.md for the exact source).

Steps, written so that neighbouring prefectures keep one shared border (no gaps, no overlaps):
1. round coordinates to 0.001 degree (about 100 m) and drop repeated points;
2. split every ring into arcs at the vertices where the set of prefectures owning a vertex
   changes (the ends of a shared border), so a border shared by two prefectures is one arc;
3. simplify each arc with Douglas-Peucker (tolerance TOLERANCE degrees), always in the same
   direction, so both owners of a border get the same simplified line;
4. drop islands whose simplified area is below MIN_AREA square degrees, but never a
   prefecture's largest polygon, which comes first;
5. reassign to Kagoshima the islands Natural Earth's older admin-1 files put in Okinawa: the
   Amami islands (north of 27.0 N and east of 128.3 E), which belong to Kagoshima.
"""
import json
import sys

TOLERANCE = 0.012
MIN_AREA = 0.0008

# the Prefecture enum's JIS X 0401 code by Natural Earth's local name (name_local)
CODES = {n: i + 1 for i, n in enumerate(
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 "
    "新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 "
    "奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 "
    "熊本県 大分県 宮崎県 鹿児島県 沖縄県".split())}
ENUM = ("HOKKAIDO AOMORI IWATE MIYAGI AKITA YAMAGATA FUKUSHIMA IBARAKI TOCHIGI GUNMA SAITAMA CHIBA TOKYO "
        "KANAGAWA NIIGATA TOYAMA ISHIKAWA FUKUI YAMANASHI NAGANO GIFU SHIZUOKA AICHI MIE SHIGA KYOTO OSAKA "
        "HYOGO NARA WAKAYAMA TOTTORI SHIMANE OKAYAMA HIROSHIMA YAMAGUCHI TOKUSHIMA KAGAWA EHIME KOCHI FUKUOKA "
        "SAGA NAGASAKI KUMAMOTO OITA MIYAZAKI KAGOSHIMA OKINAWA").split()
# Natural Earth leaves name_local empty for Shizuoka
BY_ENGLISH = {"Shizuoka": 22}


def q(p):
    return (round(p[0] * 1000), round(p[1] * 1000))


def rings_of(feature):
    g = feature["geometry"]
    polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
    for poly in polys:
        assert len(poly) == 1, "holes are not expected in Japan's prefectures"
        ring = []
        for p in poly[0]:
            v = q(p)
            if not ring or ring[-1] != v:
                ring.append(v)
        if ring[0] == ring[-1]:
            ring.pop()
        if len(ring) >= 3:
            yield ring


def dp(points, tol):
    """Douglas-Peucker on integer coordinates (tolerance in the same units)."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dx * (ay - py) - dy * (ax - px)) / norm
            if d > best:
                best, index = d, i
        if best > tol:
            keep[index] = True
            stack.append((a, index))
            stack.append((index, b))
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    s = 0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2 / 1e6


def main(path):
    features = json.load(open(path, encoding="utf-8"))["features"]
    rings = []  # (code, ring)
    for f in features:
        p = f["properties"]
        code = CODES.get(p.get("name_local")) or BY_ENGLISH[p["name"]]
        for ring in rings_of(f):
            rings.append((code, ring))
    owners = {}
    for code, ring in rings:
        for v in ring:
            owners.setdefault(v, set()).add(code)
    cache = {}
    out = {}
    tol = TOLERANCE * 1000
    for code, ring in rings:
        n = len(ring)
        nodes = [i for i in range(n)
                 if len(owners[ring[i]]) > 1 and (owners[ring[i - 1]] != owners[ring[i]]
                                                   or owners[ring[(i + 1) % n]] != owners[ring[i]])]
        if not nodes:
            # an island or a ring without a shared border: split at two far-apart vertices
            far = max(range(n), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
            nodes = [0, far]
        simplified = []
        for k, start in enumerate(nodes):
            end = nodes[(k + 1) % len(nodes)]
            arc = ring[start:end + 1] if end > start else ring[start:] + ring[:end + 1]
            key = tuple(arc) if arc[0] <= arc[-1] else tuple(reversed(arc))
            if key not in cache:
                cache[key] = dp(list(key), tol)
            s = cache[key] if key == tuple(arc) else list(reversed(cache[key]))
            simplified.extend(s[:-1])
        if len(simplified) >= 3:
            out.setdefault(code, []).append(simplified)
    # Amami islands: Kagoshima's, though older Natural Earth files put them in Okinawa
    okinawa = []
    for ring in out[47]:
        cx = sum(x for x, _ in ring) / len(ring) / 1000
        cy = sum(y for _, y in ring) / len(ring) / 1000
        (out[46] if cy > 27.0 and cx > 128.3 else okinawa).append(ring)
    out[47] = okinawa
    print("# Prefectures of Japan: simplified polygons from Natural Earth 1:10m admin-1 states/provinces")
    print("# (public domain); see NOTICE-japan-prefectures.md. Made by cluster-report/src/build/simplify_prefectures.py.")
    print("# A line 'P <code> <ENUM>' starts a prefecture; each following line is one closed ring of")
    print("# 'longitude,latitude' pairs in degrees (WGS 84), the closing point not repeated.")
    for code in range(1, 48):
        rs = out[code]
        largest = max(rs, key=lambda r: abs(area(r)))
        kept = sorted((r for r in rs if r is largest or abs(area(r)) >= MIN_AREA), key=lambda r: -abs(area(r)))
        print("P %02d %s" % (code, ENUM[code - 1]))
        for r in kept:
            print(" ".join("%.3f,%.3f" % (x / 1000, y / 1000) for x, y in r))


if __name__ == "__main__":
    main(sys.argv[1])
