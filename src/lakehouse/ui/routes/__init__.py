"""The console's pages, one module per area."""

from lakehouse.ui.routes import admin, datasets, governance, jobs, models, sign_in, sql, tombstones, vectors

ROUTERS = [sign_in.router, datasets.router, tombstones.router, sql.router, governance.router, admin.router,
           vectors.router, models.router, jobs.router]
