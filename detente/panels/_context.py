"""Context verbs: the political regime of each state-year (a proxy for civilian oversight)."""

from __future__ import annotations

from detente.panels._panel import Panel
from detente.panels._spine import attach_state_values

DEMOCRACY_COLUMNS = ("v2x_polyarchy", "polity2", "xm_qudsest")


def add_democracy(panel: Panel) -> Panel:
    """Add regime indicators: V-Dem polyarchy (0-1), Polity2 (-10..10) and UDS (latent).

    Data: peacesciencer's ``ccode_democracy`` (V-Dem v10, Polity IV 2017, QuickUDS 0.2.3),
    1816-2020. On dyad-years each column is suffixed ``1`` and ``2``. A state-year an index
    does not cover is null.

    These index *electoral democracy*. detente reports them as the civil-military context of
    a state-year because democratic civilian control is the commonest open proxy for
    civilian oversight of the armed forces; they do not measure civil-military relations
    directly, and user-supplied civil-military indicators should be preferred where they
    exist.

    References: Coppedge et al. (2020); Marshall, Gurr and Jaggers (2017); Marquez (2016).
    """
    panel.store.require("ccode_democracy")
    source = panel.store.arrow(
        f"SELECT ccode, year, {', '.join(DEMOCRACY_COLUMNS)} FROM ccode_democracy")
    return panel.with_columns(attach_state_values(panel, source, DEMOCRACY_COLUMNS),
                              "ccode_democracy")
