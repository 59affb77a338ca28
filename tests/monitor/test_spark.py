"""The same aggregation SQL on DuckDB and Spark gives identical tables on the real samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from detente.monitor import DuckDBEngine, SparkEngine, dyad_temperature, export_events
from detente.monitor._temperature import sides_sql
from detente.store import Store

pytest.importorskip("pyspark")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    """One local SparkSession for the test session (local[2], no UI, 4 shuffle partitions)."""
    import os
    import shutil

    from detente.monitor import local_spark

    if shutil.which("java") is None:
        message = "Spark needs a Java runtime (apt-get install default-jre-headless)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; .ci/run installs it")
        pytest.skip(message)
    session = local_spark("detente-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def parquet(events_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "events.parquet"
    export_events(events_store, str(path))
    return path


def _same(duck: pa.Table, spark: pa.Table) -> None:
    assert duck.num_rows > 0
    assert spark.column_names == duck.column_names
    assert spark.cast(duck.schema).equals(duck)


@pytest.mark.parametrize("freq", ["day", "week", "month", "year"])
def test_dyad_aggregation_is_identical_on_duckdb_and_spark(parquet: Path, spark: object,
                                                           freq: str) -> None:
    for directed in (True, False):
        duck = dyad_temperature(parquet, freq=freq, directed=directed)  # type: ignore[arg-type]
        other = dyad_temperature(parquet, freq=freq, directed=directed,  # type: ignore[arg-type]
                                 engine=SparkEngine(spark))  # type: ignore[arg-type]
        _same(duck, other)


@pytest.mark.parametrize("military", ["any", "either"])
def test_group_series_is_identical_on_duckdb_and_spark(parquet: Path, spark: object,
                                                       military: str) -> None:
    sides = pa.table({"side": pa.array([1, 1, 1, 1, 2], pa.int32()),
                      "ccode": pa.array([2, 740, 750, 900, 710], pa.int32())})
    sql = sides_sql("day", directed=False, military=military)
    tables = {"events": parquet, "sides": sides}
    _same(DuckDBEngine().run(sql, tables), SparkEngine(spark).run(sql, tables))  # type: ignore[arg-type]
