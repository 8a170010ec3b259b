"""The quickstart: generate the staffing demo, ingest it through the normal file path, show what the
catalog learned (PII, lineage) and run a few queries. Prints through ``say`` so any front end can show it."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakehouse.app import Lakehouse
from lakehouse.demo.data import write_demo_files
from lakehouse.query.results import to_json_payload
from lakehouse.types import WriteMode

DEMO_RESUMES = 2_000
SEMANTIC_QUERY = "ICU nurse who trains new staff"
EXAMPLE_QUERIES = [
    ("Candidates per vertical",
     "SELECT vertical, COUNT(*) AS candidates, ROUND(AVG(years_experience), 1) AS avg_years "
     "FROM candidates GROUP BY vertical ORDER BY candidates DESC"),
    ("Top clients by active placements",
     "SELECT p.client_company, COUNT(*) AS placements, ROUND(AVG(p.bill_rate - p.pay_rate), 2) AS avg_margin "
     "FROM placements p JOIN candidates c ON c.candidate_id = p.candidate_id "
     "WHERE p.status = 'active' GROUP BY p.client_company ORDER BY placements DESC LIMIT 5"),
    ("Critical threat indicators by type",
     "SELECT indicator_type, COUNT(*) AS indicators FROM threat_intel WHERE severity = 'critical' "
     "GROUP BY indicator_type ORDER BY indicators DESC"),
]


def run_demo(lakehouse: Lakehouse, rows: int = 100_000, seed: int = 42,
             say: Callable[[str], None] = print, full: bool = False) -> dict[str, Any]:
    started = time.perf_counter()
    folder = lakehouse.settings.data_dir / "demo-files"
    say(f"[bold]1. Generating the staffing demo[/bold] ({rows:,} candidates, seed {seed}) in {folder}")
    files = write_demo_files(folder, n_candidates=rows, seed=seed, n_resumes=None if full else min(rows, DEMO_RESUMES))
    summary: dict[str, Any] = {"datasets": {}}
    say("[bold]2. Ingesting[/bold] through the same streaming file path as uploads and the watcher")
    for dataset in ("candidates", "placements", "threat_intel"):
        job = lakehouse.ingest_file(files[dataset], dataset, mode=WriteMode.overwrite, wait=True)
        if job.status != "succeeded":
            say(f"   [red]{dataset} failed[/red]: {(job.error or {}).get('message')}")
            summary["failed"] = True
            return summary
        result = job.result or {}
        summary["datasets"][dataset] = result
        say(f"   {dataset:<13} {result['rows']:>8,} rows  v{result['version']}  "
            f"{result['rows_per_second']:>9,} rows/s  ({files[dataset].name})")
    say("[bold]3. PII found[/bold] (column-name rules + value validators on a sample)")
    for dataset in ("candidates", "placements", "threat_intel"):
        manifest = lakehouse.get_dataset(dataset)
        flagged = [c for c in manifest.columns if c.pii_kind]
        if not flagged:
            say(f"   {dataset}: none")
        for column in flagged:
            say(f"   {dataset}.{column.name:<16} {column.pii_kind:<9} {column.pii_category:<14} "
                f"confidence {column.pii_confidence:.2f}  ({column.pii_evidence})")
    say("[bold]4. Asking questions in SQL[/bold]")
    for title, sql in EXAMPLE_QUERIES:
        answer = lakehouse.sql(sql)
        payload = to_json_payload(answer)
        say(f"   [cyan]{title}[/cyan]  ({answer.elapsed_ms:.0f} ms)\n   {sql}")
        names = [c["name"] for c in payload["columns"]]
        say("     " + " | ".join(names))
        for row in payload["rows"][:8]:
            say("     " + " | ".join("" if v is None else str(v) for v in row))
    if not _vector_search(lakehouse, files["resumes"], summary, say):
        return summary
    elapsed = time.perf_counter() - started
    data_dir = _shown(lakehouse.settings.data_dir)
    cli = cli_command()
    say(f"[bold green]Done in {elapsed:.1f} s.[/bold green] Next:")
    example = '"SELECT state, COUNT(*) AS n FROM candidates GROUP BY state ORDER BY n DESC"'
    say(f"   {cli} --data-dir {data_dir} sql {example}")
    say(f"   {cli} --data-dir {data_dir} datasets show candidates")
    say(f"   {cli} --data-dir {data_dir} ingest file my.csv --dataset my_data")
    say(f"   {cli} --data-dir {data_dir} vectors search resumes_idx \"{SEMANTIC_QUERY}\" -k 5")
    port = lakehouse.settings.server.port
    say(f"   {cli} --data-dir {data_dir} serve   # http://127.0.0.1:{port}/docs; then add "
        f"--url http://127.0.0.1:{port} to any command: the model stays loaded in the server")
    if cli != "lakehouse":
        say(f"   (or `source {_shown(Path(sys.executable).parent / 'activate')}` once, then just `lakehouse ...`)")
    summary["elapsed_seconds"] = round(elapsed, 1)
    return summary


def cli_command() -> str:
    """How to run the CLI from this shell: ``lakehouse`` when that is on PATH and is this install, else the
    venv's script by path (the README's ./dev.sh installs into .venv without activating it)."""
    script = Path(sys.executable).parent / "lakehouse"
    found = shutil.which("lakehouse")
    if found and Path(found).resolve() == script.resolve():
        return "lakehouse"
    return _shown(script)


def _shown(path: Path) -> str:
    """A path as short as it stays correct: relative to the current directory when inside it."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(relative) if str(relative).startswith(".") else f"./{relative}" if str(relative) != "." else "."


def _vector_search(lakehouse: Lakehouse, resumes: Path, summary: dict[str, Any],
                   say: Callable[[str], None]) -> bool:
    """Step 5: ingest the resumes, build an index with the offline local model, search it."""
    say("[bold]5. Semantic search over resumes[/bold] (local all-MiniLM-L6-v2, offline; HNSW via faiss)")
    job = lakehouse.ingest_file(resumes, "resumes", mode=WriteMode.overwrite, wait=True)
    if job.status != "succeeded":
        say(f"   [red]resumes failed[/red]: {(job.error or {}).get('message')}")
        summary["failed"] = True
        return False
    t0 = time.perf_counter()
    built = lakehouse.create_vector_index({"index_name": "resumes_idx", "dataset": "resumes",
                                           "id_column": "candidate_id", "text_column": "resume_text",
                                           "embedder": "local"}, wait=True)
    if built.status != "succeeded":
        say(f"   [red]index build failed[/red]: {(built.error or {}).get('message')}")
        summary["failed"] = True
        return False
    result = built.result or {}
    summary["vector_index"] = result
    say(f"   resumes_idx  {result['documents']:,} resumes -> {result['vectors']:,} chunks embedded and indexed "
        f"in {time.perf_counter() - t0:.1f} s")
    hits = lakehouse.vector_search("resumes_idx", SEMANTIC_QUERY, k=3)
    say(f"   [cyan]\"{SEMANTIC_QUERY}\"[/cyan]  ({hits.method}, {hits.elapsed_ms:.0f} ms)")
    for hit in hits.hits:
        first = " ".join(hit.text.split())[:110]
        say(f"     candidate {hit.doc_id:<7} score {hit.score:.3f}  {first}...")
    return True
