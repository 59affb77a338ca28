"""The REST API: FastAPI routers over the library, one per area, assembled by ``create_app``."""

from detente.interfaces.api.app import create_app

__all__ = ["create_app"]
