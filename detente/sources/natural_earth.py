"""Natural Earth 1:110m countries (world-atlas TopoJSON build), for the dashboard's world map."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pyarrow as pa

from detente.sources._declare import Column, Source, SourceFile, Table, github_raw
from detente.sources._topojson import decode_arcs, geometry

WORLD_ATLAS = ("cublya/world-atlas", "9ef13db2ef3be0409a40c447fa92c2bdec1ec6aa")


def _countries(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    """One row per country object: its codes, names and GeoJSON geometry (``_row`` = object)."""
    topology = json.loads("\n".join(raw["topology"].column("line").to_pylist()))
    arcs = decode_arcs(topology)
    objects = topology["objects"]["countries"]["geometries"]
    props = [o.get("properties", {}) for o in objects]
    columns = {
        # Natural Earth leaves ISO_A3 empty for France and Norway; ADM0_A3 holds FRA and NOR.
        "iso3": [p.get("isoA3") or p.get("adm0A3") for p in props],
        "adm0A3": [p.get("adm0A3") for p in props],
        "isoN3": [o.get("id") for o in objects],
        "name": [p.get("name") for p in props],
        "nameLong": [p.get("nameLong") for p in props],
        "type": [p.get("type") for p in props],
        "geometry": [json.dumps(geometry(o, arcs), separators=(",", ":")) for o in objects],
        "_row": list(range(1, len(objects) + 1)),
    }
    return {"topology": pa.table(columns)}


SOURCE = Source(
    id="natural_earth",
    title="Natural Earth Admin 0 countries, 1:110m (world-atlas TopoJSON)",
    producer="Natural Earth (public domain); TopoJSON build by the world-atlas project",
    version="5.1.2",
    homepage="https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
    citation=(
        "Natural Earth. 2022. Admin 0 - Countries, 1:110m, version 5.1.2. "
        "https://www.naturalearthdata.com/. Public domain. TopoJSON conversion: world-atlas "
        "(ISC licence)."
    ),
    bibtex="""@misc{naturalearth2022admin0,
  author = {{Natural Earth}},
  title = {Admin 0 -- Countries, 1:110m cultural vectors, version 5.1.2},
  year = {2022}, howpublished = {\\url{https://www.naturalearthdata.com/}},
  note = {Public domain; TopoJSON build by the world-atlas project (ISC)}
}""",
    license="custom",
    terms="Natural Earth data are in the public domain; the world-atlas build is ISC-licensed.",
    files=(
        SourceFile("topology", "natural_earth_world_atlas/countries-110m.json",
                   github_raw(*WORLD_ATLAS, "countries-110m.json"),
                   "2a4b7b2041add5e678df57ca257ac212d7bc16363e6faa6d41d1a72d22c64b15", "text"),
    ),
    tables=(
        Table(
            "country_shapes", "topology",
            (
                Column("iso3", "VARCHAR", nullable=False,
                       description="ISO 3166-1 alpha-3 (Natural Earth ISO_A3, else ADM0_A3)."),
                Column("adm0_a3", "VARCHAR", raw="adm0A3", nullable=False),
                Column("iso_n3", "VARCHAR", raw="isoN3", description="ISO numeric (TopoJSON id)."),
                Column("name", "VARCHAR", nullable=False),
                Column("name_long", "VARCHAR", raw="nameLong"),
                Column("type", "VARCHAR", description="Natural Earth unit type."),
                Column("geometry", "VARCHAR", nullable=False,
                       description="GeoJSON Polygon or MultiPolygon, lon/lat rounded to 0.001."),
            ),
            key=("iso3",),
            coverage=(),
            description="One row per country of the UN boundary view, with its outline.",
        ),
    ),
    unit="code_table",
    system="iso3",
    coverage=None,
    notes=(
        "The UN boundary view: Kosovo, Northern Cyprus and Somaliland are drawn within the UN "
        "member state, Crimea within Ukraine. Present-day borders only: a state that no longer "
        "exists (the GDR, Yugoslavia) has no outline, so the map shows it in no year and lists "
        "it in the ranking table alone. Rings keep TopoJSON's winding (clockwise exteriors), "
        "which is what plotly's geo projection (d3-geo) expects."
    ),
    redistributable=True,
    prepare=_countries,
)
