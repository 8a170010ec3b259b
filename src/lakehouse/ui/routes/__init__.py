"""The console's pages, one module per area."""

from lakehouse.ui.routes import sign_in

ROUTERS = [sign_in.router]
