"""Property-based tests generated from ``/openapi.json``: no input may cause a server error,
and every answer must match its documented schema and status codes.

Bounded: the documented examples and 15 valid and 15 invalid inputs per operation.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.store import Store


@pytest.fixture(scope="module")
def api_schema(store: Store) -> Any:
    app = create_app(Settings(api_token="s3cret"), store=store)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance,
          status_code_conformance]


def test_api_never_fails_on_generated_input(api_schema: Any) -> None:
    """Each operation: its documented examples, valid generated input, and invalid input."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        strategies = [*operation.get_strategies_from_examples(),
                      operation.as_strategy(GenerationMode.POSITIVE)]
        if any(True for _ in operation.iter_parameters()) or operation.body:
            strategies.append(operation.as_strategy(GenerationMode.NEGATIVE))
        for strategy in strategies:

            @given(case=strategy)
            @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def check(case: Any) -> None:
                case.call_and_validate(checks=CHECKS)

            check()
