"""Models with one uniform shape: coalitions, bargaining and escalation."""

from detente.models._base import REGISTRY, Model, ModelTags, Result, filtered, register

__all__ = ["REGISTRY", "Model", "ModelTags", "Result", "filtered", "register"]
