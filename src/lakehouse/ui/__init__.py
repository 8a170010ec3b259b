"""The web console: server-rendered pages (Jinja2 + htmx) over the same ``Lakehouse`` methods as the API,
mounted at ``/ui`` by ``create_app`` (docs/console.md)."""

from lakehouse.ui.app import create_console

__all__ = ["create_console"]
