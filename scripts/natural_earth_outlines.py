"""Converts world-atlas's countries-110m TopoJSON into the page's compact GeoJSON of country outlines.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as packaged by the npm
package world-atlas (ISC licence). Run once when the outlines are to be refreshed:

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/natural_earth_outlines.py package/countries-110m.json

It writes src/eventcoder/web/static/countries-110m.geojson, with coordinates to 0.01 degree.
A ring that crosses the antimeridian is unwrapped (longitudes past 180) so that Leaflet, which
draws plain longitudes, shows no line across the map; Antarctica is left out, as no ring around a
pole draws well on a flat map and no conflict event is placed there.
"""
import argparse
import json
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "web" / "static" / "countries-110m.geojson"
ANTARCTICA = "010"


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc as absolute longitude/latitude points (TopoJSON stores quantized deltas)."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[list[float]]:
    """A closed ring from arc indexes (~i is arc i reversed), each arc's first point shared with the last's end."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return unwrapped([[round(lon, 2), round(lat, 2)] for lon, lat in points])


def unwrapped(points: list[list[float]]) -> list[list[float]]:
    """Longitudes shifted by 360 where a ring jumps across the antimeridian, so it stays continuous."""
    shift = 0.0
    for i in range(1, len(points)):
        step = points[i][0] + shift - points[i - 1][0]
        if step > 180:
            shift -= 360
        elif step < -180:
            shift += 360
        points[i][0] = round(points[i][0] + shift, 2)
    return points


def outlines(topology: dict) -> dict:
    arcs = decoded_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        features.append({"type": "Feature", "properties": {"name": geometry["properties"]["name"]},
                         "geometry": {"type": "MultiPolygon",
                                      "coordinates": [[ring(r, arcs) for r in polygon] for polygon in polygons]}})
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:110m admin-0 countries (public domain), via the npm package world-atlas "
                      "2.x (ISC licence); converted by scripts/natural_earth_outlines.py",
            "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    collection = outlines(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} countries, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
