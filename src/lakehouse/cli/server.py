from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import esc, stderr, stdout
from lakehouse.errors import InvalidInput


def _is_loopback(host: str) -> bool:
    try:
        return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
    except (OSError, ValueError):
        return False


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: str | None = typer.Option(None, "--host", help="Bind address (default server.host, 127.0.0.1)."),
        port: int | None = typer.Option(None, "--port", help="Port (default server.port, 8765)."),
        tls_certfile: Path | None = typer.Option(None, "--tls-certfile", help="PEM certificate for HTTPS."),
        tls_keyfile: Path | None = typer.Option(None, "--tls-keyfile", help="PEM private key for HTTPS."),
        watch: bool | None = typer.Option(None, "--watch/--no-watch", help="Run the drop-folder watcher."),
    ) -> None:
        """Run the HTTP API (OpenAPI page at /docs), the web console (/ui) and, if enabled, the drop-folder watcher."""
        import uvicorn

        from lakehouse.agents.watcher import DropFolderWatcher
        from lakehouse.api.app import create_app

        st = state(ctx)
        settings = st.settings()
        host = host or settings.server.host
        port = port or settings.server.port
        certfile = tls_certfile or settings.server.tls_certfile
        keyfile = tls_keyfile or settings.server.tls_keyfile
        if settings.auth.mode == "local" and not _is_loopback(host):
            raise InvalidInput(
                f"auth.mode = 'local' (no tokens) may only bind a loopback address, not '{host}'.",
                hint="Bind 127.0.0.1, or put a token-authenticating proxy in front.",
            )
        if bool(certfile) != bool(keyfile):
            raise InvalidInput("TLS needs both --tls-certfile and --tls-keyfile.")
        from lakehouse.allocator import HeapTrimmer
        from lakehouse.app.recovery import deep_check

        # before the services start their threads: the arena cap only binds arenas created after it
        trimmer = HeapTrimmer(settings.server.malloc_arena_max, settings.server.malloc_trim_seconds)
        trimmer.start()
        lakehouse = st.local("serve")
        deep_check(lakehouse)
        # a server is a long-lived owner: its lease heartbeat also sweeps dead replicas' jobs and brings
        # this data dir's tombstone keys up to the catalog's state
        lakehouse.catalog.owners.ensure()
        watcher = None
        if watch if watch is not None else settings.ingest.watch.enabled:
            watcher = DropFolderWatcher(lakehouse.settings, lakehouse.ingest, lakehouse.catalog)
            watcher.start()
            stderr.print(f"watching {esc(watcher.folder)} for new files")
        lakehouse.vector_scheduler.start()  # runs `scheduled` refresh policies while serving
        scheme = "https" if certfile else "http"
        stderr.print(f"lakehouse API on {esc(scheme)}://{esc(host)}:{port}  (OpenAPI: {esc(scheme)}://{esc(host)}:{port}/docs)")
        try:
            # the access line costs 0.25-0.35 ms a request (uvicorn formats and writes it before the body goes
            # out) and repeats what the audit record of every request already holds, so it is opt-in
            uvicorn.run(create_app(lakehouse), host=host, port=port, log_level=settings.log_level,
                        access_log=settings.server.access_log,
                        ssl_certfile=str(certfile) if certfile else None,
                        ssl_keyfile=str(keyfile) if keyfile else None)
        finally:
            trimmer.stop()
            if watcher is not None:
                watcher.stop()

    @app.command("demo")
    def demo(
        ctx: typer.Context,
        rows: int = typer.Option(100_000, "--rows", help="How many candidates to generate."),
        seed: int = typer.Option(42, "--seed", help="Random seed (same seed, same data)."),
        full: bool = typer.Option(False, "--full", help="Index every resume, not the first 2,000 (slow)."),
    ) -> None:
        """Build the staffing demo (candidates, placements, threat_intel, resumes), show its PII, some queries
        and a semantic search over the resumes."""
        from lakehouse.demo.run import run_demo

        st = state(ctx)
        summary = run_demo(st.local("demo"), rows=rows, seed=seed, full=full,
                           say=lambda text: stdout.print(text, highlight=False, soft_wrap=True))
        if summary.get("failed"):
            raise typer.Exit(1)
