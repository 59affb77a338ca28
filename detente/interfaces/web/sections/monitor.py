"""Monitor panels: a dyad's temperature from news events with its alerts marked, the alert
list, and (for the monitor page) what the store holds of the event stream.

With no events ingested every panel says so and names the command that loads them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from detente.interfaces.web.sections._context import DyadContext
from detente.interfaces.web.sections._figures import PALETTE, layout
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)
from detente.monitor import (
    EventCoverage,
    alert_history,
    covered_periods,
    event_coverage,
    event_versions,
    temperature,
)
from detente.monitor._status import INGEST_HINT
from detente.monitor._temperature import Freq, side_codes
from detente.sources import SOURCES
from detente.store import Store

WATCH_HINT = ("run a watchlist (`detente monitor run examples/watchlist.toml`, or POST it to "
              "/api/v1/monitor/watchlist/run) to record them")
COOPERATION, CONFLICT, ALERT = PALETTE[2], PALETTE[1], "#8b0000"


def event_sources(store: Store) -> tuple[SourceLink, ...]:
    """The codebooks behind the event series (the ingested files are listed on /monitor)."""
    return tuple(SourceLink.of(s, v) for s, v in sorted(event_versions(store).items())
                 if s in SOURCES)


def choose_freq(first: date, last: date) -> Freq:
    """Days for up to three months of events, weeks up to two years, then months, years."""
    days = (last - first).days
    if days <= 92:
        return "day"
    if days <= 731:
        return "week"
    return "month" if days <= 15 * 366 else "year"


_DTICK = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1", "year": "M12"}


def temperature_chart(series: pa.Table, alerts: pa.Table, title: str, freq: Freq
                      ) -> dict[str, Any]:
    """Cooperative and conflictual events (bars, left axis) and net cooperation (line, right
    axis, -1 to 1) per period, with each alert marked at its period."""
    t = series.to_pydict()
    x = [str(p) for p in t["period"]]
    data: list[dict[str, Any]] = [
        {"type": "bar", "name": "cooperative events", "x": x, "y": t["cooperation"],
         "marker": {"color": COOPERATION}, "hovertemplate": "%{y} cooperative<extra></extra>"},
        {"type": "bar", "name": "conflictual events", "x": x, "y": t["conflict"],
         "marker": {"color": CONFLICT}, "hovertemplate": "%{y} conflictual<extra></extra>"},
        {"type": "scatter", "mode": "lines+markers", "name": "net cooperation", "x": x,
         "y": t["net_cooperation"], "yaxis": "y2", "line": {"color": PALETTE[0], "width": 2},
         "hovertemplate": "net cooperation %{y:.2f}<extra></extra>"},
    ]
    shapes = []
    if alerts.num_rows:
        a = alerts.to_pydict()
        when = [str(p) for p in a["period"]]
        data.append({"type": "scatter", "mode": "markers", "name": "alert", "x": when,
                     "y": [1.1] * len(when), "yaxis": "y2", "text": a["message"],
                     "marker": {"symbol": "triangle-down", "size": 14, "color": ALERT},
                     "hovertemplate": "%{text}<extra>alert</extra>"})
        shapes = [{"type": "line", "xref": "x", "yref": "paper", "x0": w, "x1": w, "y0": 0,
                   "y1": 1, "line": {"color": ALERT, "width": 1, "dash": "dot"}}
                  for w in sorted(set(when))]
    fig = {"data": data, "layout": layout(title, y_title="events (count)",
                                          height=380, barmode="group", hovermode="x unified",
                                          shapes=shapes)}
    fig["layout"]["xaxis"].update(title={"text": f"period ({freq}, first day)"}, type="date",
                                  tickformat="%Y" if freq == "year" else "%Y-%m-%d")
    if len(x) <= 24:  # one tick per period, not hours between two days
        fig["layout"]["xaxis"]["dtick"] = _DTICK[freq]
    fig["layout"]["yaxis"].update(tickformat="d", rangemode="tozero")
    fig["layout"]["yaxis2"] = {"title": {"text": "net cooperation (-1 to 1)"},
                               "overlaying": "y", "side": "right", "range": [-1.2, 1.2],
                               "tickvals": [-1, -0.5, 0, 0.5, 1], "zeroline": True,
                               "zerolinecolor": "#bbb", "showgrid": False}
    fig["layout"]["margin"].update(r=72)
    return fig


def alert_rows(alerts: pa.Table, links: list[str | None] | None = None
               ) -> tuple[tuple[Cell, ...], ...]:
    """Table rows for alerts: period, watch, sides (linked to the dyad page when given),
    detector, metric, value, message, first raised."""
    rows = []
    for i, r in enumerate(alerts.to_pylist()):
        href = links[i] if links else None
        raised = r["raised_at"].strftime("%Y-%m-%d %H:%M") if r.get("raised_at") else "–"
        rows.append((Cell(str(r["period"])), Cell(r["watch"]),
                     Cell(f"{r['side1']} – {r['side2']}", href), Cell(r["detector"]),
                     Cell(r["metric"]), number(r["value"], "g"), Cell(r["message"]),
                     Cell(raised)))
    return tuple(rows)


ALERT_COLUMNS = ("period", "watch", "sides", "detector", "metric", "value", "message",
                 "first raised (UTC)")


def _no_events(title: str, sources: tuple[SourceLink, ...]) -> SectionView:
    return SectionView("temperature", title, empty=(
        f"No news events are ingested in this store, so there is no temperature to show. To "
        f"load them, {INGEST_HINT}."), sources=sources)


def temperature_section(ctx: DyadContext) -> SectionView:
    """The dyad's temperature from news events (both directions) with its alerts marked, and
    the alert list (alerts of watches on exactly these two states)."""
    store, p = ctx.store, ctx.profile
    title = "Temperature from news events"
    sources = event_sources(store)
    cover = event_coverage(store)
    if cover.empty:
        return _no_events(title, sources)
    periods = covered_periods(store, "day", date(p.span[0], 1, 1), date(p.span[1], 12, 31))
    if not periods.num_rows:
        return SectionView("temperature", title, empty=(
            f"The ingested events ({cover.first} to {cover.last}) fall outside "
            f"{p.span[0]}–{p.span[1]}."), sources=sources)
    first, last = periods["period"][0].as_py(), periods["period"][-1].as_py()
    freq = choose_freq(first, last)
    series = temperature(store, p.a.ccode, p.b.ccode, freq=freq, directed=False, start=first,
                         end=last)
    total = sum(series["events"].to_pylist())
    if total == 0:
        return SectionView("temperature", title, empty=(
            f"No event between {p.a.name} and {p.b.name} among the {cover.dyadic:,} dyadic "
            f"events ingested from {first} to {last}."), sources=sources)
    labels = (side_codes(store, p.a.ccode)[0], side_codes(store, p.b.ccode)[0])
    alerts = alert_history(store, sides=labels, since=first, until=last, newest_first=True)
    coop, conf = sum(series["cooperation"].to_pylist()), sum(series["conflict"].to_pylist())
    where = f"{first} to {last}" if first != last else str(first)
    fig = temperature_chart(series, alerts, f"Events between {p.a.name} and {p.b.name}, by "
                                            f"{freq}, {where} (both directions)", freq)
    figure = FigureView("fig-temperature", fig, (
        "Cooperative (CAMEO quad classes 1-2) and conflictual (3-4) events per period, "
        "after ingest's one-a-day de-duplication; net cooperation is (cooperative - "
        "conflictual) / events. Triangles and dotted lines mark alerts."), sources)
    tables: tuple[TableView, ...] = ()
    note = f"No alerts recorded for this pair: {WATCH_HINT}."
    if alerts.num_rows:
        tables = (TableView("tbl-alerts", f"{alerts.num_rows} alert(s), latest first",
                            ALERT_COLUMNS, alert_rows(alerts), sources,
                            "From the alert history in the store."),)
        note = f"{alerts.num_rows} alert(s) recorded for this pair."
    intro = (f"{total:,} events between them from {where}: {coop:,} cooperative, {conf:,} "
             f"conflictual. {note}")
    return SectionView("temperature", title, intro, (figure,), tables, sources=sources)


def coverage_section(store: Store, cover: EventCoverage) -> SectionView:
    """The monitor page's summary of the ingested files."""
    sources = event_sources(store)
    if cover.empty:
        return SectionView("events", "Ingested events", empty=(
            f"No news events are ingested in this store. To load them, {INGEST_HINT}."),
            sources=sources)
    rows = tuple((Cell(Path(r["path"]).name), Cell(r["format"]),
                  number(r["records"], ","), number(r["events_added"], ","),
                  number(r["duplicates"], ","), number(r["quarantined"], ","),
                  Cell(f"{r['first_date']} to {r['last_date']}"),
                  Cell(r["ingested_at"].strftime("%Y-%m-%d %H:%M")))
                 for r in cover.files.to_pylist())
    files = TableView("tbl-files", f"{cover.files.num_rows} file(s)",
                      ("file", "format", "records", "events added", "duplicates",
                       "quarantined", "days", "ingested (UTC)"), rows, sources)
    return SectionView("events", "Ingested events", (
        f"{cover.events:,} events from {cover.first} to {cover.last}, {cover.dyadic:,} of them "
        "between two states (the ones dyad temperatures count)."), tables=(files,),
        sources=sources)


def alerts_section(store: Store, links: list[str | None], alerts: pa.Table, total: int
                   ) -> SectionView:
    """The monitor page's list of recent alerts, each linking to its dyad."""
    if not alerts.num_rows:
        return SectionView("alerts", "Recent alerts", empty=f"No alerts recorded yet: "
                           f"{WATCH_HINT}.")
    shown = f"latest {alerts.num_rows} of {total}" if total > alerts.num_rows else f"all {total}"
    return SectionView("alerts", "Recent alerts", tables=(TableView(
        "tbl-recent-alerts", f"Alerts, {shown}", ALERT_COLUMNS, alert_rows(alerts, links),
        event_sources(store), "Latest period first; a pair of single states links to its "
        "dyad page."),))


def busiest_section(store: Store, top: int = 15) -> SectionView:
    """The dyads with the most events (both directions), each linking to its page."""
    from detente.actors import resolve_actor
    from detente.monitor import dyad_temperature

    per_year = dyad_temperature(store=store, freq="year", directed=False)
    con = store.con.cursor()
    con.register("per_year", per_year)
    rows = con.sql(
        "SELECT ccode1, ccode2, min(year(period)) AS first, max(year(period)) AS last, "
        "sum(events) AS events, sum(cooperation) AS cooperation, sum(conflict) AS conflict "
        f"FROM per_year GROUP BY ALL ORDER BY events DESC, ccode1, ccode2 LIMIT {int(top)}"
    ).to_arrow_table().to_pylist()
    con.close()
    names = {c: resolve_actor(store, c).name for r in rows for c in (r["ccode1"], r["ccode2"])}
    cells = tuple((
        Cell(f"{names[r['ccode1']]} – {names[r['ccode2']]}",
             f"/dyad/{r['ccode1']}/{r['ccode2']}?from={r['first']}&to={r['last']}"),
        number(r["events"], ","), number(r["cooperation"], ","), number(r["conflict"], ","),
        number((r["cooperation"] - r["conflict"]) / r["events"], ".2f")) for r in rows)
    return SectionView("busiest", "Most reported dyads", tables=(TableView(
        "tbl-busiest", f"Top {len(cells)} pairs by events (both directions)",
        ("dyad", "events", "cooperative", "conflictual", "net cooperation"), cells,
        event_sources(store)),))
