"""Governed sharing over the open Delta Sharing protocol: shares of datasets and views, recipients with bearer
tokens, the snapshots they read (views and tombstoned datasets materialised with masks, row filters and
tombstones applied) and the protocol's answers (docs/sharing.md)."""
