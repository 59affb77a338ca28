"""Tables as JSON pages, CSV or Parquet: the formats the panel and engagement routes share."""

from __future__ import annotations

import io
from enum import StrEnum
from typing import Annotated, Any

import pyarrow as pa
from fastapi import Query
from fastapi.responses import Response


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


FormatQuery = Annotated[Format, Query(description="json (paged records), csv or parquet.")]
TABULAR_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}}}
"""The extra content types of a route answering in :class:`Format`."""


def tabular(table: pa.Table, fmt: Format, total: int) -> Response:
    """``table`` as a CSV or Parquet file (``X-Total-Count``: rows matching, all pages)."""
    buffer = io.BytesIO()
    if fmt is Format.csv:
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, buffer)
        media = "text/csv"
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, buffer)
        media = "application/vnd.apache.parquet"
    return Response(buffer.getvalue(), media_type=media, headers={"X-Total-Count": str(total)})
