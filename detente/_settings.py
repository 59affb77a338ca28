"""Settings read from the environment (``DETENTE_*``), with documented defaults."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "detente"


class Settings(BaseSettings):
    """Where detente finds data and keeps its store.

    ``DETENTE_MIRROR``
        A folder laid out like the data manifest (``peacesciencer/cow_nmc.rda`` ...). Files are
        read from it first; a file missing there is downloaded from its declared address.
    ``DETENTE_STORE``
        The DuckDB file. Default: ``$XDG_DATA_HOME/detente/detente.duckdb``
        (``~/.local/share/detente/detente.duckdb``).
    ``DETENTE_CACHE``
        Where downloaded files are kept. Default: ``$XDG_DATA_HOME/detente/cache``.
    ``DETENTE_API_TOKEN``
        Bearer token that the REST API requires for writes. Unset means writes are refused.
    ``DETENTE_WARM``
        Whether a server computes soft power and defence-network centrality for every
        covered year in the background at start-up (default true; ``0`` turns it off).
    """

    model_config = SettingsConfigDict(env_prefix="DETENTE_", extra="ignore")

    mirror: str | None = None
    store: Path = Field(default_factory=lambda: _default_home() / "detente.duckdb")
    cache: Path = Field(default_factory=lambda: _default_home() / "cache")
    api_token: str | None = None
    warm: bool = True


def get_settings() -> Settings:
    """Read the settings afresh from the environment."""
    return Settings()
