"""Assertions on problem-details answers shared by the API tests."""

from __future__ import annotations

from typing import Any

import httpx

PROBLEM = "application/problem+json"


def refused(response: httpx.Response, field: str, text: str = "", status: int = 422
            ) -> dict[str, Any]:
    """Assert ``response`` is a problem naming ``field`` (with ``text`` in its message)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    messages = {e["field"]: e["message"] for e in body.get("errors", [])}
    assert field in messages, f"{field!r} not among {sorted(messages)}: {body['detail']}"
    assert text in messages[field], messages[field]
    assert "Traceback" not in response.text
    return body
