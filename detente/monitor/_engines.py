"""Run the same SQL text on DuckDB (the default) or Apache Spark.

The monitor's aggregations are written once, as portable SQL (:mod:`._temperature`), and
handed to an engine with the tables they read. :class:`DuckDBEngine` runs them in the
store's DuckDB (or any DuckDB connection); :class:`SparkEngine` registers Parquet files as
Spark SQL views and runs the identical text with ``spark.sql``, for event archives larger
than one machine. Both return Arrow tables.

Why not Ibis: ibis-framework 12 (the current release) requires pyspark < 4.1 and its older
releases pandas < 3, so it cannot be installed beside duckdb 2.0, pyspark 4.3 and pandas 3.
The SQL is kept to what both engines read the same way: ``date_trunc`` with a cast to DATE,
``CASE`` sums cast to BIGINT, ``least``/``greatest``, ``make_date``, and Goldstein totals rounded
to tenths per group (the weights are published to one decimal), so both engines agree to the
bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

TableInput = pa.Table | str | Path
"""An Arrow table, or a Parquet file or folder."""


class Engine(Protocol):
    """Something that runs a SQL query over named tables and returns Arrow."""

    name: str

    def run(self, sql: str, tables: Mapping[str, TableInput]) -> pa.Table: ...


class DuckDBEngine:
    """Run SQL on a DuckDB connection; tables already in the database need not be passed."""

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None, *,
                 threads: int | None = None) -> None:
        self.con = con if con is not None else duckdb.connect()
        if threads is not None:
            self.con.execute(f"SET threads = {int(threads)}")

    def run(self, sql: str, tables: Mapping[str, TableInput]) -> pa.Table:
        cur = self.con.cursor()
        try:
            for name, table in tables.items():
                if isinstance(table, pa.Table):
                    cur.register(name, table)
                else:
                    path = str(Path(table) / "**" / "*.parquet") if Path(table).is_dir() \
                        else str(table)
                    quoted = path.replace("'", "''")
                    cur.execute(f"CREATE OR REPLACE TEMP VIEW \"{name}\" AS "
                                f"SELECT * FROM read_parquet('{quoted}', hive_partitioning = false)")
            return cur.sql(sql).to_arrow_table()
        finally:
            cur.close()


class SparkEngine:
    """Run SQL with a SparkSession; inputs are Parquet paths (or small Arrow tables)."""

    name = "spark"

    def __init__(self, spark: SparkSession) -> None:
        self.spark = spark

    def run(self, sql: str, tables: Mapping[str, TableInput]) -> pa.Table:
        for name, table in tables.items():
            if isinstance(table, pa.Table):
                frame = self.spark.createDataFrame(table.to_pylist(),
                                                   schema=_spark_schema(table.schema))
            else:
                frame = self.spark.read.parquet(str(table))
            frame.createOrReplaceTempView(name)
        return self.spark.sql(sql).toArrow()


def _spark_schema(schema: pa.Schema) -> str:
    kinds = {pa.string(): "STRING", pa.large_string(): "STRING", pa.int32(): "INT",
             pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.date32(): "DATE",
             pa.int8(): "TINYINT", pa.int16(): "SMALLINT", pa.bool_(): "BOOLEAN"}
    return ", ".join(f"`{f.name}` {kinds[f.type]}" for f in schema)


def local_spark(app: str = "detente", *, cores: int = 2) -> SparkSession:
    """A local SparkSession set up as detente's notes say works offline on two cores.

    ``SPARK_LOCAL_IP=127.0.0.1``, ``local[cores]``, no UI or console progress bars, 4 shuffle
    partitions, 2 GB driver, UTC session time zone.
    Needs the ``spark`` extra (pyspark) and a Java 17 runtime.
    """
    import os

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master(f"local[{cores}]").appName(app)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", "2g")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())
