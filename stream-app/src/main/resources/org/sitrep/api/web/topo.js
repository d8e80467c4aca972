// Sitrep's TopoJSON reader: just enough of the TopoJSON specification for world-atlas's countries-110m.json.
// Arcs are quantized and delta-encoded; a geometry lists its rings as arc indexes, ~i (= -i - 1) meaning arc i
// reversed; consecutive arcs of a ring share their end point. The projection is equirectangular: x = longitude,
// y = -latitude, in degrees (the SVG's viewBox is in the same units, so zooming is a viewBox change).
"use strict";

const SitrepTopo = (() => {
  /** Every arc as an array of [lon, lat], quantization undone. */
  function decodeArcs(topology) {
    const t = topology.transform;
    const sx = t ? t.scale[0] : 1, sy = t ? t.scale[1] : 1;
    const tx = t ? t.translate[0] : 0, ty = t ? t.translate[1] : 0;
    return topology.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(p => {
        if (t) {
          x += p[0];
          y += p[1];
          return [x * sx + tx, y * sy + ty];
        }
        return [p[0], p[1]];
      });
    });
  }

  /** One ring (a list of arc indexes) as a list of points. */
  function ring(arcs, indexes) {
    const points = [];
    indexes.forEach((i, k) => {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      // the first point of every arc after the first repeats the previous arc's last point
      for (let j = k === 0 ? 0 : 1; j < arc.length; j++) {
        points.push(arc[j]);
      }
    });
    return points;
  }

  /** A geometry's polygons, each a list of rings (outer first), each a list of [lon, lat]. */
  function polygons(arcs, geometry) {
    switch (geometry.type) {
      case "Polygon":
        return [geometry.arcs.map(r => ring(arcs, r))];
      case "MultiPolygon":
        return geometry.arcs.map(p => p.map(r => ring(arcs, r)));
      default:
        return [];
    }
  }

  /** Features of a GeometryCollection object: {id, name, polygons}. */
  function features(topology, objectName) {
    const arcs = decodeArcs(topology);
    return topology.objects[objectName].geometries
      .filter(g => g.type === "Polygon" || g.type === "MultiPolygon")
      .map(g => ({ id: g.id, name: (g.properties && g.properties.name) || "", polygons: polygons(arcs, g) }));
  }

  function project(lon, lat) {
    return [lon, -lat];
  }

  /** SVG path data of a feature's polygons, in projected units, two decimals. */
  function pathData(polys) {
    let d = "";
    for (const poly of polys) {
      for (const r of poly) {
        r.forEach((p, i) => {
          const [x, y] = project(p[0], p[1]);
          d += (i === 0 ? "M" : "L") + x.toFixed(2) + "," + y.toFixed(2);
        });
        d += "Z";
      }
    }
    return d;
  }

  /** The centre of the bounding box of the feature's largest outer ring (by box area), as [lon, lat]. */
  function labelPoint(polys) {
    let best = null, bestArea = -1;
    for (const poly of polys) {
      const r = poly[0];
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const [x, y] of r) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x);
        y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
      const area = (x1 - x0) * (y1 - y0);
      if (area > bestArea) {
        bestArea = area;
        best = [(x0 + x1) / 2, (y0 + y1) / 2];
      }
    }
    return best;
  }

  return { decodeArcs, ring, polygons, features, project, pathData, labelPoint };
})();
