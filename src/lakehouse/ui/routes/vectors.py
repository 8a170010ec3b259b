"""Vectors: indexes, a search playground, trials (recall vs latency, champion marked), refresh/eval/autotune."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.ui.charts import trials_chart
from lakehouse.ui.forms import parse
from lakehouse.ui.render import render
from lakehouse.ui.session import Visit, form_visit, page_visit
from lakehouse.vectors.spec import SearchRequest

router = APIRouter()


@router.get("/vectors")
def indexes(request: Request, visit: Visit = Depends(page_visit)) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    items = lakehouse.list_vector_indexes(who)
    agent: dict[str, Any] | None = None
    if items:
        try:
            agent = lakehouse.agent_status(who)
        except LakehouseError:
            agent = None
    return render(request, "vectors.html", title="Vectors", items=items, agent=agent)


@router.get("/vectors/{name}")
def index(request: Request, name: str, visit: Visit = Depends(page_visit)) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    manifest = lakehouse.get_vector_index(name, who)
    trials = lakehouse.vector_trials(name, 500, who)
    champion = lakehouse.vector_champion(name, who)
    champion_id = (champion.get("champion") or {}).get("trial_id")
    try:
        agent: dict[str, Any] | None = lakehouse.agent_index_status(name, who)
    except LakehouseError:
        agent = None
    return render(request, "vector_index.html", title=name, i=manifest, trials=trials[:50], champion=champion,
                  chart=trials_chart(trials, champion_id), agent=agent,
                  can_write=who.role.value in ("admin", "writer"))


@router.post("/vectors/{name}/search")
def search(request: Request, name: str, query: str = Form(""), vector: str = Form(""), k: int = Form(10),
           filter: str = Form(""), visit: Visit = Depends(form_visit)) -> Response:
    body: dict[str, Any] = {"k": k, "filter": filter.strip() or None}
    if vector.strip():
        try:
            body["vector"] = json.loads(vector)
        except ValueError:
            raise InvalidInput("The vector must be a JSON list of numbers, like [0.1, 0.2].",
                               details={"fields": ["vector"]}) from None
    else:
        body["query"] = query
    result = visit.lakehouse.search_vectors(name, parse(SearchRequest, body), visit.who)
    return render(request, "_hits.html", result=result)


@router.post("/vectors/{name}/refresh")
def refresh(request: Request, name: str, visit: Visit = Depends(form_visit)) -> Response:
    manifest = visit.lakehouse.get_vector_index(name, visit.who)
    job = visit.lakehouse.refresh_vectors(manifest.dataset, wait=False, actor=visit.who)
    return render(request, "_job.html", job=job, row=False)


@router.post("/vectors/{name}/autotune")
def autotune(request: Request, name: str, visit: Visit = Depends(form_visit)) -> Response:
    job = visit.lakehouse.autotune_vector_index(name, None, wait=False, actor=visit.who)
    return render(request, "_job.html", job=job, row=False)


@router.post("/vectors/{name}/eval")
def evaluate(request: Request, name: str, sample: int = Form(100), k: int = Form(10),
             visit: Visit = Depends(form_visit)) -> Response:
    result = visit.lakehouse.evaluate_vector_index(name, {"sample": sample, "k": k}, visit.who)
    return render(request, "_eval.html", result=result)
