"""Panels of the escalation page: outcomes against noise for each strategy, spirals and time
to de-escalation, and the calibration behind them (what was measured, what is a proxy)."""

from __future__ import annotations

from typing import Any

import polars as pl

from detente.interfaces.api.runs.escalation_runs import CompareRequest, calibration_inputs
from detente.interfaces.web.sections._figures import PALETTE, layout
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)
from detente.models.escalation import Network

NOISE_AXIS = "misperception noise (base probability that an action is misread)"
_CALIBRATED = "The network's inputs and their sources are under Calibration and provenance."
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")


def network_label(network: Network) -> str:
    """``10 states, 2010`` (or a made-up network) for figure titles."""
    if network.year is None:
        return f"made-up network of {network.n_states} states"
    return f"{network.n_states} states, {network.year}"


def noise_chart(table: pl.DataFrame, outcome: str, title: str, y_title: str, *,
                hover: str = ".3f") -> dict[str, Any]:
    """``outcome`` against noise, one line per strategy (and dash per channel level), with
    95% intervals (1.96 standard errors across replicates) where the table has them."""
    strategies = list(dict.fromkeys(table["strategy"].to_list()))
    channels = (list(dict.fromkeys(table["channel"].to_list()))
                if "channel" in table.columns else [None])
    data = []
    for i, strategy in enumerate(strategies):
        for j, channel in enumerate(channels):
            part = table.filter(pl.col("strategy") == strategy)
            if channel is not None:
                part = part.filter(pl.col("channel") == channel)
            part = part.sort("noise")
            name = strategy if channel is None else f"{strategy}, channel {channel:g}"
            trace: dict[str, Any] = {
                "type": "scatter", "mode": "lines+markers", "name": name,
                "x": part["noise"].to_list(), "y": part[outcome].to_list(),
                "line": {"color": PALETTE[i % len(PALETTE)], "width": 2,
                         "dash": DASHES[j % len(DASHES)]},
                "hovertemplate": f"noise %{{x}}: %{{y:{hover}}}<extra>{name}</extra>"}
            se = f"{outcome}_se"
            if se in part.columns:
                trace["error_y"] = {"type": "data", "visible": True, "thickness": 1,
                                    "array": [None if v is None else 1.96 * v
                                              for v in part[se].to_list()]}
            data.append(trace)
    fig = {"data": data, "layout": layout(title, x_title=NOISE_AXIS, y_title=y_title,
                                          hovermode="closest", showlegend=True, height=380)}
    fig["layout"]["xaxis"].update(tickformat=".2f", zeroline=False)
    fig["layout"]["legend"].update(y=-0.3, title={"text": "strategy"})
    fig["layout"]["margin"].update(b=110)
    return fig


def outcomes(table: pl.DataFrame, network: Network, sources: tuple[SourceLink, ...]
             ) -> SectionView:
    """Cooperation rate and escalation against noise, per strategy."""
    where = network_label(network)
    cooperation = noise_chart(table, "cooperation_rate",
                              f"Cooperation rate against noise, {where}",
                              "cooperation rate (0-1)")
    cooperation["layout"]["yaxis"].update(range=[0, 1.05], rangemode="normal")
    escalation = noise_chart(table, "mean_escalation",
                             f"Escalation against noise, {where}",
                             "escalation points per round")
    return SectionView("outcomes", "Cooperation and escalation against noise", (
        "Each strategy is played by every state on every dyad; points are means over the "
        "Monte Carlo replicates, bars 95% intervals."), (
        FigureView("fig-cooperation", cooperation, "Cooperation rate: the share of rounds in "
                   "which a side chose a cooperative rung (dialogue, relief, joint exercise, "
                   "arms sale), 0 to 1. "
                   f"{_CALIBRATED}", ()),
        FigureView("fig-escalation", escalation, "Escalation: the mean score of the chosen "
                   "rungs per side and round, on Rivera et al. (2024)'s scale (de-escalation -2, "
                   f"status quo 0, posturing 4, sanctions 12, blockade and strike 28). "
                   f"{_CALIBRATED}", ())), sources=sources)


_COLUMNS = (("cooperation_rate", "cooperation", ".3f"),
            ("mutual_cooperation", "mutual cooperation", ".3f"),
            ("mean_escalation", "escalation", ".2f"),
            ("spirals_per_100_rounds", "spirals / 100 rounds", ".2f"),
            ("spiral_length", "spiral length (rounds)", ".1f"),
            ("time_to_deescalation", "time to de-escalation (rounds)", ".1f"),
            ("unresolved_share", "unresolved share", ".2f"),
            ("final_trust", "final trust", ".2f"))


def spirals(table: pl.DataFrame, network: Network, sources: tuple[SourceLink, ...]
            ) -> SectionView:
    """Spiral counts and time to de-escalation: a chart against noise, and the full table."""
    where = network_label(network)
    chart = noise_chart(table, "spirals_per_100_rounds", f"Spirals against noise, {where}",
                        "spirals per dyad per 100 rounds", hover=".2f")
    chart["layout"]["yaxis"]["title"]["text"] = "spirals / dyad / 100 rounds"
    keys = ["strategy", "noise", *(["channel"] if "channel" in table.columns else [])]
    rows = []
    for r in table.sort(keys, maintain_order=True).to_dicts():
        head = [Cell(r["strategy"]), number(r["noise"], "g")]
        if "channel" in table.columns:
            head.append(number(r["channel"], "g"))
        rows.append((*head, *(number(r[c], fmt) for c, _, fmt in _COLUMNS)))
    columns = ("strategy", "noise", *(["channel"] if "channel" in table.columns else []),
               *(label for _, label, _ in _COLUMNS))
    spiral_table = TableView("tbl-spirals", f"Outcomes per strategy and noise level, {where}",
                             tuple(columns), tuple(rows), (), (
                                 "A spiral is an episode of at least 3 hostile rounds in which "
                                 "both sides escalated; time to de-escalation counts the rounds "
                                 "to the first mutual cooperation (resolved spirals only; a "
                                 "dash: none resolved)."))
    return SectionView("spirals", "Spirals and time to de-escalation", figures=(FigureView(
        "fig-spirals", chart, f"Spirals per dyad per 100 rounds; bars 95% intervals. "
        f"{_CALIBRATED}", ()),), tables=(spiral_table,), sources=sources)


def calibration(network: Network, request: CompareRequest, sources: tuple[SourceLink, ...],
                *, max_dyads: int = 100) -> SectionView:
    """What each input was made from, whether it is measured or a proxy, and the dyads."""
    inputs = TableView("tbl-calibration", "Inputs", ("input", "kind", "how it was made"),
                       tuple((Cell(i["input"]), Cell(i["kind"]), Cell(i["note"]))
                             for i in calibration_inputs(network)), sources)
    dyads = network.dyads().head(max_dyads).to_dicts()
    dyad_rows = tuple((
        Cell(f"{d['state1']} – {d['state2']}",
             f"/dyad/{d['ccode1']}/{d['ccode2']}" if "ccode1" in d else None),
        number(d["channel"], ".2f"), number(d["trust12"], ".2f"), number(d["trust21"], ".2f"),
        number(d["power_share1"], ".2f")) for d in dyads)
    shown = f"first {len(dyads)} of {network.n_dyads}" if network.n_dyads > len(dyads) else (
        f"all {network.n_dyads}")
    dyad_table = TableView("tbl-dyads", f"Dyads ({shown})",
                           ("dyad", "channel (0-1)", "trust of 1st in 2nd", "trust of 2nd in 1st",
                            "1st's share of the pair's CINC"), dyad_rows, sources)
    runs = (f"{request.rounds} rounds x {request.replicates} replicates per run, seed "
            f"{request.seed}, {request.misperception} misperception, dual-use factor "
            f"{request.dual_use_factor:g}, channel damping {request.channel_damping:g}")
    return SectionView("calibration", "Calibration and provenance", (
        f"{network_label(network).capitalize()}, {network.n_dyads} dyads; {runs}. Measured "
        "inputs come from the sources below; proxies stand in where no open data measure the "
        "thing itself (hotlines are in no open dataset)."), tables=(inputs, dyad_table),
        empty=None if sources else "A made-up network: nothing was read from the store.",
        sources=sources)


def comparison_sections(table: pl.DataFrame, network: Network, request: CompareRequest
                        ) -> list[SectionView]:
    """Every panel of a comparison's results, in page order."""
    sources = tuple(SourceLink.of(s, v) for s, v in sorted(network.data_versions.items()))
    return [outcomes(table, network, sources), spirals(table, network, sources),
            calibration(network, request, sources)]
