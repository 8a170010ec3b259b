"""lakehouse: an AI-native, local-first data lakehouse."""

from __future__ import annotations

from lakehouse.errors import LakehouseError

__version__ = "0.1.0"
__all__ = ["LakehouseError", "__version__", "connect"]


def connect(data_dir=None, *, config=None, url=None, token=None, **overrides):  # type: ignore[no-untyped-def]
    """Open a lakehouse in-process (``data_dir``/``config``) or a remote server (``url``)."""
    if url is not None:
        from lakehouse.client import RemoteLakehouse

        return RemoteLakehouse(url, token=token)
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    settings = load_settings(config, data_dir=data_dir, **overrides)
    return Lakehouse(settings)
