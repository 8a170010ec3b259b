"""The GPU slot for operators (docs/models.md): the VRAM report, preload and unload of one model. Admin only;
the ``Lakehouse`` methods check the role and audit."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.responses import errors
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.wire import ModelAction, VramReport

router = APIRouter(prefix="/admin", tags=["models"])
NAME = Path(..., min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$",
            description="The model's name at the server, e.g. llama3.2:3b or nomic-embed-text.")


@router.get("/vram", summary="GPU memory (NVML) and the model server's loaded models; 200 without a GPU or server")
def vram(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> VramReport:
    return lakehouse.vram(actor)


@router.post("/models/{name:path}/preload", summary="Load a model on the model server (VRAM-checked)",
             responses=errors(404, 409, 502, 503, 504))
def preload(name: str = NAME, embedding: bool | None = Query(
                None, description="An embedding-only model (loaded through /api/embed); unset: ask /api/show."),
            lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> ModelAction:
    return lakehouse.preload_model(name, embedding, actor)


@router.post("/models/{name:path}/unload", summary="Unload a model from the model server now (keep_alive 0)",
             responses=errors(502, 503, 504))
def unload(name: str = NAME, lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> ModelAction:
    return lakehouse.unload_model(name, actor)
