"""The console's pages, one module per area."""

from lakehouse.ui.routes import datasets, sign_in, sql, tombstones

ROUTERS = [sign_in.router, datasets.router, tombstones.router, sql.router]
