"""Assertions on answers shared by the API tests: a result, or a problem naming a field."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def answered(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST ``body`` to ``path`` and return the result, asserting it is a 200."""
    response = client.post(path, json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


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
