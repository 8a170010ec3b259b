"""SQL: an editor with the catalog's names at hand, a paged result with a quick chart, downloads."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Generator

import anyio
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response, StreamingResponse

from lakehouse.errors import InvalidInput
from lakehouse.query.export import after_first, csv_chunks, ipc_chunks, parquet_chunks
from lakehouse.ui.charts import pick_chart
from lakehouse.ui.render import render
from lakehouse.ui.results import first_rows, result_page
from lakehouse.ui.session import Visit, form_visit, page_visit

router = APIRouter()
DOWNLOADS = {"csv": ("text/csv", csv_chunks, "csv"), "parquet": ("application/vnd.apache.parquet", parquet_chunks,
             "parquet"), "arrow": ("application/vnd.apache.arrow.stream", ipc_chunks, "arrows")}


@router.get("/sql")
def sql_page(request: Request, sql: str = "", visit: Visit = Depends(page_visit)) -> Response:
    tables = visit.lakehouse.list_datasets(visit.who, columns=False)  # each table's columns load when opened
    first = tables[0].name if tables else "my_dataset"
    return render(request, "sql.html", title="SQL", tables=tables,
                  sql=sql or f'SELECT * FROM "{first}" LIMIT 100')  # noqa: S608 - editor text, not run here


@router.get("/sql/columns")
def columns(request: Request, name: str, kind: str = "dataset", visit: Visit = Depends(page_visit)) -> Response:
    """One table's columns for the editor's names panel (a view: its exposed columns and their masks)."""
    if kind == "view":
        view = visit.lakehouse.get_view(name, visit.who)
        masks = {column: redaction.kind for column, redaction in view.column_redactions.items()}
        shown = [{"name": c, "type": "", "pii_kind": None, "redaction": masks.get(c)} for c in view.columns]
    else:
        shown = [c.model_dump() for c in visit.lakehouse.get_dataset(name, visit.who).columns]
    return render(request, "_sql_columns.html", columns=shown)


@router.post("/sql/run")
def run(request: Request, sql: str = Form(""), offset: int = Form(0), visit: Visit = Depends(form_visit)) -> Response:
    """One page of the result, read from the result stream: rows past the page are never fetched, so a huge
    result costs one page (``ui.page_rows``), and the first page is out before the rest would be computed."""
    if not sql.strip():
        raise InvalidInput("Write a SELECT statement first.")
    size, offset = visit.lakehouse.settings.ui.page_rows, max(offset, 0)
    started = time.perf_counter()
    schema, batches = visit.lakehouse.export_batches(sql, max_rows=offset + size + 1, actor=visit.who)
    table, ended = first_rows(schema, batches, offset, size + 1)
    elapsed = (time.perf_counter() - started) * 1000
    page = result_page(table, offset, size, elapsed)
    return render(request, "_sql_result.html", page=page, sql=sql, chart=pick_chart(table.slice(0, size)),
                  ended=ended)


async def _stream(chunks: Generator[bytes, None, None]) -> AsyncIterator[bytes]:
    """Chunks made in a worker thread; the generator (and the query worker behind it) is closed however the
    download ends, a client that went away included."""
    try:
        while True:
            chunk = await anyio.to_thread.run_sync(next, chunks, None)
            if chunk is None:
                break
            yield chunk
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(chunks.close)


@router.post("/sql/download")
def download(sql: str = Form(""), format: str = Form("csv"), visit: Visit = Depends(form_visit)) -> Response:
    if format not in DOWNLOADS:
        raise InvalidInput(f"Unknown download format '{format}'.", hint="Choose csv, parquet or arrow.")
    if not sql.strip():
        raise InvalidInput("Write a SELECT statement first.")
    media, chunker, suffix = DOWNLOADS[format]
    schema, batches = visit.lakehouse.export_batches(sql, actor=visit.who)
    try:  # the first batch before the status line: errors that show when the query starts still get a page
        first = next(batches, None)
    except BaseException:
        batches.close()
        raise
    return StreamingResponse(_stream(chunker(schema, after_first(first, batches))), media_type=media,
                             headers={"content-disposition": f'attachment; filename="result.{suffix}"'})



