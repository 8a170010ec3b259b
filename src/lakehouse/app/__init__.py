"""Lakehouse: the composition root. Builds the services from Settings and exposes the library API that the
CLI, the HTTP API and scripts all use; one module per capability, composed into one class. No logic lives
here beyond wiring and delegation."""

from lakehouse.app.lakehouse import Lakehouse

__all__ = ["Lakehouse"]
