"""``lakehouse models ...``: the GPU slot for operators (docs/models.md)."""

from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr

app = typer.Typer(help="The GPU slot: GPU memory, and loading or unloading models on the model server.",
                  no_args_is_help=True)
MIB = 1024 * 1024


def _mib(value: int | None) -> str:
    return "" if value is None else f"{value / MIB:,.0f}"


@app.command("vram")
def vram(ctx: typer.Context) -> None:
    """GPU memory per GPU (NVML) and the models the server has loaded; says why when there is no GPU."""
    st = state(ctx)
    report = st.lakehouse().vram()
    if st.format is not Format.table:
        render_object(report.model_dump(mode="json"), st.format)
        return
    if report.gpus:
        render_rows([{"gpu": g.index, "name": g.name, "total_mib": _mib(g.total_bytes), "used_mib": _mib(g.used_bytes),
                      "free_mib": _mib(g.free_bytes)} for g in report.gpus], st.format, None, "GPUs")
    else:
        stderr.print(f"no GPU: {esc(report.reason)}")
    if report.server_error:
        stderr.print(f"[yellow]model server {esc(report.server)}[/yellow]: {esc(report.server_error)}")
    else:
        render_rows([{"model": m.name, "size_mib": _mib(m.size_bytes), "vram_mib": _mib(m.size_vram_bytes),
                      "expires_at": m.expires_at} for m in report.models], st.format,
                    ["model", "size_mib", "vram_mib", "expires_at"], f"loaded at {report.server}")
    slot = report.slot
    if slot.swapping_to:
        holder = f"swapping to {slot.swapping_to}"
    elif slot.owner or slot.models:
        holder = f"{slot.owner or '(no owner)'}: {', '.join(slot.models) or 'no model'}"
    else:
        holder = "empty" + (f" ({slot.error})" if slot.error else "")
    stderr.print(f"slot: {esc(holder)}")


@app.command("preload")
def preload(ctx: typer.Context, name: str = typer.Argument(..., help="Model name at the server, e.g. llama3.2:3b."),
            embedding: bool | None = typer.Option(None, "--embedding/--generation",
                                                  help="Load as an embedding-only model (/api/embed) or a "
                                                       "generation model (/api/generate); default: ask the server.")
            ) -> None:
    """Load a model on the model server and keep it (models.keep_alive); refused (409) when VRAM is short."""
    st = state(ctx)
    render_object(st.lakehouse().preload_model(name, embedding).model_dump(mode="json"), st.format)


@app.command("unload")
def unload(ctx: typer.Context, name: str = typer.Argument(..., help="Model name at the server.")) -> None:
    """Unload a model from the model server now (keep_alive 0); empties the GPU slot when it held it."""
    st = state(ctx)
    render_object(st.lakehouse().unload_model(name).model_dump(mode="json"), st.format)
