"""A dataset's lineage as a picture: sources -> dataset -> views and vector indexes, laid out in three columns
for the SVG template (``_lineage.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from lakehouse.wire import DatasetManifest

BOX_W, BOX_H, GAP_Y, COL_X = 230, 30, 14, (10, 300, 590)


@dataclass
class Node:
    label: str
    kind: str  # source | dataset | view | index
    x: int
    y: int
    href: str | None = None
    title: str = ""

    @property
    def text(self) -> str:
        return self.label if len(self.label) <= 34 else self.label[:33] + "…"


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int, int, int]] = field(default_factory=list)
    width: int = COL_X[2] + BOX_W + 10
    height: int = BOX_H + 20


def _column(labels: Sequence[tuple[str, str, str | None, str]], x: int) -> list[Node]:
    return [Node(label, kind, x, 10 + i * (BOX_H + GAP_Y), href, title)
            for i, (label, kind, href, title) in enumerate(labels)]


def lineage_graph(manifest: DatasetManifest, views: list[str], indexes: list[str], base: str) -> Graph:
    seen: dict[str, str] = {}
    for entry in manifest.lineage:  # oldest first: the first time a source fed the dataset
        label = f"{entry.source_system}: {entry.source}"
        seen.setdefault(label, f"version {entry.version} by {entry.actor}")
    sources = _column([(label, "source", None, title) for label, title in seen.items()], COL_X[0])
    right = _column([(v, "view", f"{base}/views/{quote(v)}", "view") for v in views]
                    + [(i, "index", f"{base}/vectors/{quote(i)}", "vector index") for i in indexes], COL_X[2])
    rows = max(len(sources), len(right), 1)
    height = 20 + rows * (BOX_H + GAP_Y)
    middle = Node(manifest.name, "dataset", COL_X[1], (height - BOX_H) // 2 - 4, None, f"version {manifest.version}")
    graph = Graph(nodes=[*sources, middle, *right], height=height)
    mid_y = middle.y + BOX_H // 2
    graph.edges = [(n.x + BOX_W, n.y + BOX_H // 2, middle.x, mid_y) for n in sources]
    graph.edges += [(middle.x + BOX_W, mid_y, n.x, n.y + BOX_H // 2) for n in right]
    return graph
