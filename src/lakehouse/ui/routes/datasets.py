"""Datasets: the searchable list (``/ui/``), upload, and one dataset's page with its parts."""

from __future__ import annotations

from typing import Any, get_args

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from lakehouse.errors import InvalidInput, LakehouseError, NotFound
from lakehouse.ingest.uploads import stage_upload
from lakehouse.ui.forms import parse
from lakehouse.ui.lineage import lineage_graph
from lakehouse.ui.render import is_fragment, render
from lakehouse.ui.results import result_page
from lakehouse.ui.session import Visit, form_visit, page_visit
from lakehouse.wire import DatasetManifest, MetadataPatch, PiiKind

router = APIRouter()
SENSITIVITIES = ("public", "internal", "confidential", "restricted")


def _matches(manifest: DatasetManifest, q: str) -> bool:
    q = q.lower()
    return any(q in (text or "").lower() for text in (manifest.name, manifest.description, manifest.owner,
                                                        manifest.sensitivity, *manifest.tags))


@router.get("/")
def datasets(request: Request, q: str = "", page: int = 0, visit: Visit = Depends(page_visit)) -> Response:
    every = visit.lakehouse.list_datasets(visit.who, columns=False)
    found = [m for m in every if _matches(m, q)] if q else every
    size = visit.lakehouse.settings.ui.list_rows
    page = max(page, 0)
    shown = found[page * size:(page + 1) * size]
    context: dict[str, Any] = {"items": shown, "q": q, "page": page, "total": len(found), "size": size,
                               "more": (page + 1) * size < len(found)}
    if is_fragment(request):
        return render(request, "_datasets_table.html", **context)
    return render(request, "datasets.html", title="Datasets", **context)


@router.post("/upload")
def upload(request: Request, file: UploadFile = File(...), dataset: str = Form(...), mode: str = Form("append"),
           visit: Visit = Depends(form_visit)) -> Response:
    lakehouse = visit.lakehouse
    if mode not in ("append", "overwrite"):
        raise InvalidInput(f"Unknown mode '{mode}'.", hint="Choose append or overwrite.")
    staged = stage_upload(file.file, lakehouse.staging_dir, lakehouse.settings.ingest.max_upload_bytes)
    try:
        job = lakehouse.ingest_file(None, dataset.strip(), mode=mode, staged_upload=staged,
                                    display_name=file.filename or "upload", wait=True, actor=visit.who)
    except BaseException:  # refused before the job took the file (a bad name, no permission): drop it now
        staged.unlink(missing_ok=True)
        raise
    if job.status != "succeeded":
        error = job.error or {}
        return render(request, "_error.html", status=422, code=error.get("code", job.status),
                      message=error.get("message", f"The ingest {job.status}."), hint=error.get("hint"))
    return render(request, "_uploaded.html", job=job, dataset=dataset.strip())


def _dataset_parts(visit: Visit, name: str) -> dict[str, Any]:
    """Everything the dataset page shows, each part read as the caller (parts it may not see are left out)."""
    lakehouse, who = visit.lakehouse, visit.who
    manifest = lakehouse.get_dataset(name, who)
    views = [v for v in lakehouse.list_views(who) if v.base_dataset == name]
    indexes = [i for i in lakehouse.list_vector_indexes(who) if i.base_dataset == name]
    tombstones: list[dict[str, Any]] | None = None
    certificates: list[dict[str, Any]] = []
    if who.is_admin:  # tombstones hold erased keys: admin only, as in the API
        tombstones = lakehouse.list_tombstones(name, who)
        certificates = lakehouse.certificates(name, who)
    return {"m": manifest, "views": views, "indexes": indexes, "tombstones": tombstones,
            "certificates": certificates, "history": lakehouse.history(name, 50, who),
            "graph": lineage_graph(manifest, [v.name for v in views], [i.index_name for i in indexes], visit.base),
            "sensitivities": SENSITIVITIES, "can_write": who.role.value in ("admin", "writer"),
            "pii_kinds": get_args(PiiKind), "pii_categories": _pii_categories()}


def _pii_categories() -> list[str]:
    from lakehouse.ingest.pii.categories import CATEGORIES  # the detector's own list, loaded on first use

    return sorted(CATEGORIES)


@router.get("/datasets/{name}")
def dataset(request: Request, name: str, visit: Visit = Depends(page_visit)) -> Response:
    return render(request, "dataset.html", title=name, **_dataset_parts(visit, name))


@router.get("/datasets/{name}/rows")
def rows(request: Request, name: str, offset: int = 0, visit: Visit = Depends(page_visit)) -> Response:
    """A page of rows as the caller reads them (masked through views, tombstoned rows hidden)."""
    size = visit.lakehouse.settings.ui.page_rows
    offset = max(offset, 0)
    result = visit.lakehouse.preview(name, offset=offset, limit=size + 1, actor=visit.who)
    page = result_page(result.table, offset, size, result.elapsed_ms)
    return render(request, "_rows.html", page=page, url=f"{visit.base}/datasets/{name}/rows", target="#preview")


@router.patch("/datasets/{name}/metadata")
def patch_metadata(request: Request, name: str, description: str = Form(""), owner: str = Form(""),
                   sensitivity: str = Form(""), tags: str = Form(""), freshness_interval_seconds: str = Form(""),
                   visit: Visit = Depends(form_visit)) -> Response:
    patch: dict[str, Any] = {"description": description, "tags": [t.strip() for t in tags.split(",") if t.strip()]}
    if owner.strip():
        patch["owner"] = owner.strip()
    if sensitivity:
        patch["sensitivity"] = sensitivity
    if freshness_interval_seconds.strip():
        try:
            patch["freshness_interval_seconds"] = int(freshness_interval_seconds)
        except ValueError:
            raise InvalidInput("freshness_interval_seconds must be a whole number of seconds.") from None
    try:
        manifest = visit.lakehouse.patch_metadata(name, parse(MetadataPatch, patch), visit.who)
    except LakehouseError as exc:
        if isinstance(exc, NotFound):
            raise
        manifest = visit.lakehouse.get_dataset(name, visit.who)
        return render(request, "_metadata.html", status=exc.http_status, m=manifest, error=exc,
                      sensitivities=SENSITIVITIES, can_write=True, saved=False)
    return render(request, "_metadata.html", m=manifest, error=None, sensitivities=SENSITIVITIES,
                  can_write=True, saved=True)


@router.patch("/datasets/{name}/columns/{column}")
def correct_column(request: Request, name: str, column: str, pii_kind: str = Form(""), pii_category: str = Form(""),
                   visit: Visit = Depends(form_visit)) -> Response:
    """A writer corrects a column's PII flag (``columns`` of the metadata PATCH): empty kind unflags it."""
    fix: dict[str, Any] = {"pii_kind": pii_kind or None}
    if pii_kind:
        fix["pii_category"] = pii_category.strip() or None
    error: LakehouseError | None = None
    try:
        visit.lakehouse.patch_metadata(name, parse(MetadataPatch, {"columns": {column: fix}}), visit.who)
    except LakehouseError as exc:
        if isinstance(exc, NotFound):
            raise
        error = exc
    context = _dataset_parts(visit, name)
    return render(request, "_columns.html", status=error.http_status if error else 200, error=error,
                  corrected=None if error else column, **context)


@router.post("/datasets/{name}/restore")
def restore(request: Request, name: str, version: int = Form(...), visit: Visit = Depends(form_visit)) -> Response:
    manifest = visit.lakehouse.restore_dataset(name, version, visit.who)
    return render(request, "_history.html", m=manifest, history=visit.lakehouse.history(name, 50, visit.who),
                  can_write=True, restored=version)
