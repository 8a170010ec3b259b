"""Governance: views with their masks (create, preview as a reader sees them, delete)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from lakehouse.errors import InvalidInput
from lakehouse.governance.views import ViewSpec
from lakehouse.ui.forms import parse
from lakehouse.ui.render import render
from lakehouse.ui.results import result_page
from lakehouse.ui.session import Visit, form_visit, page_visit

router = APIRouter()
REDACTIONS = ("", "null", "hash", "mask", "bucket", "entities")


@router.get("/governance")
def governance(request: Request, base_dataset: str = "", visit: Visit = Depends(page_visit)) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    datasets = [m for m in lakehouse.list_datasets(who, columns=False) if m.kind == "dataset"]
    chosen = lakehouse.get_dataset(base_dataset, who) if base_dataset else None
    return render(request, "governance.html", title="Governance", views=lakehouse.list_views(who),
                  datasets=datasets, chosen=chosen, redactions=REDACTIONS)


@router.get("/governance/view-columns")
def view_columns(request: Request, base_dataset: str = "", visit: Visit = Depends(page_visit)) -> Response:
    """The new-view form's column rows for the chosen base dataset."""
    chosen = visit.lakehouse.get_dataset(base_dataset, visit.who) if base_dataset else None
    return render(request, "_view_columns.html", chosen=chosen, redactions=REDACTIONS)


def view_spec(form: Any) -> dict[str, Any]:
    """The form's fields as the API's view body: ``columns`` (checked), and per column ``redact:<col>`` with
    ``keep_prefix:<col>``, ``keep_suffix:<col>`` or ``width:<col>``."""
    columns = [c for c in form.getlist("columns") if isinstance(c, str)]
    redactions: dict[str, dict[str, Any]] = {}
    for column in columns:
        kind = form.get(f"redact:{column}") or ""
        if not kind:
            continue
        entry: dict[str, Any] = {"kind": kind}
        for field in ("keep_prefix", "keep_suffix", "width"):
            value = (form.get(f"{field}:{column}") or "").strip()
            if value:
                entry[field] = value
        redactions[column] = entry
    return {"name": (form.get("name") or "").strip(), "base_dataset": form.get("base_dataset") or "",
            "columns": columns, "row_filter": (form.get("row_filter") or "").strip() or None,
            "column_redactions": redactions}


@router.post("/views")
async def create_view(request: Request, visit: Visit = Depends(form_visit)) -> Response:
    spec = parse(ViewSpec, view_spec(await request.form()), hint="Tick the columns to expose and pick their masks.")
    info = await run_in_threadpool(visit.lakehouse.create_view, spec, visit.who)
    target = f"{visit.base}/views/{quote(info.name)}"
    return Response(status_code=204, headers={"HX-Redirect": target})


@router.get("/views/{name}")
def view(request: Request, name: str, visit: Visit = Depends(page_visit)) -> Response:
    info = visit.lakehouse.get_view(name, visit.who)
    return render(request, "view.html", title=name, v=info,
                  can_delete=visit.who.is_admin or info.owner == visit.who.name)


@router.get("/views/{name}/rows")
def view_rows(request: Request, name: str, offset: int = 0, visit: Visit = Depends(page_visit)) -> Response:
    size = visit.lakehouse.settings.ui.page_rows
    result = visit.lakehouse.preview(name, offset=max(offset, 0), limit=size + 1, actor=visit.who)
    page = result_page(result.table, max(offset, 0), size, result.elapsed_ms)
    return render(request, "_rows.html", page=page, url=f"{visit.base}/views/{quote(name)}/rows", target="#preview")


@router.post("/views/{name}/delete")
def delete_view(name: str, visit: Visit = Depends(form_visit)) -> Response:
    if not name:
        raise InvalidInput("Name the view.")
    visit.lakehouse.delete_view(name, visit.who)
    return Response(status_code=204, headers={"HX-Redirect": f"{visit.base}/governance"})
