"""detente's benchmarks: ``uv run python -m benchmarks`` runs them all."""
