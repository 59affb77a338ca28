"""The reports reuse the browser fixtures of the dashboard tests."""

from tests.interfaces.web.conftest import browser, chromium_path

__all__ = ["browser", "chromium_path"]
