"""A dashboard page: its router, and its entry in the navigation bar (if any)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str


@dataclass(frozen=True)
class Page:
    router: APIRouter
    nav: NavItem | None = None
