from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from lakehouse import __version__
from lakehouse.api.deps import get_lakehouse
from lakehouse.app import Lakehouse

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness and start-up reconciliation report")
def health(lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    report = lakehouse.startup_report
    return {
        "status": "ok",
        "version": __version__,
        "auth_mode": lakehouse.settings.auth.mode,
        "startup": {"adopted": report.adopted, "rolled_back": report.rolled_back,
                    "missing_tables": report.missing_tables,
                    "staging_files_removed": report.staging_files_removed},
        "leads": lakehouse.loops_led,
    }
