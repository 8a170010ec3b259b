"""Database connectors: PostgreSQL and MySQL/MariaDB into datasets (see docs/connectors.md)."""
