"""Reports need the system Chromium for PDF and PNG."""

import pytest

from tests.interfaces.web.conftest import require_chromium


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_chromium()
