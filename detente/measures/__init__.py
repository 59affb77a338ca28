"""Measures: hard and soft power, network centrality, relationship strength and similarity."""

from detente.measures._hard_power import NMC_COMPONENTS, cinc

__all__ = ["NMC_COMPONENTS", "cinc"]
