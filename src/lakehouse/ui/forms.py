"""Forms are checked with the API's own request models, and a problem becomes the API's InvalidInput (422)
with the field named, shown next to the form."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lakehouse.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)


def problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())) or 'form'}: {e.get('msg', 'invalid')}"
                     for e in exc.errors())


def parse(model: type[M], data: dict[str, Any], hint: str | None = None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(f"Check the form: {problems(exc)}", hint=hint or "Correct the field and submit again.",
                           details={"fields": fields(exc)}) from None


def fields(exc: ValidationError) -> list[str]:
    """The form fields the problems are about (a top-level name each), for the page to mark them."""
    return sorted({str(e["loc"][0]) for e in exc.errors() if e.get("loc")})
