"""The SQL page: names at hand, paged results, a chart picked from the types, downloads, errors with hints."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from tests.ui.conftest import Browser
from tests.ui.test_datasets import upload

SALES = b"region,day,amount\n" + b"".join(
    f"r{i % 4},2026-01-{1 + i % 28:02d},{i * 10}\n".encode() for i in range(120))


def run(console: Browser, sql: str, offset: int = 0):  # type: ignore[no-untyped-def]
    return console.post("/ui/sql/run", {"sql": sql, "offset": str(offset)}, htmx=True)


def test_sql_page_lists_names(console: Browser) -> None:
    upload(console)
    page = console.get("/ui/sql")
    assert page.status_code == 200
    assert 'data-insert="&#34;people&#34;"' in page.text or 'data-insert="&quot;people&quot;"' in page.text
    assert 'id="sql-history"' in page.text and "/ui/sql/columns?name=people&kind=dataset" in page.text
    columns = console.client.get("/ui/sql/columns?name=people", headers={"HX-Request": "true"})
    assert "full_name" in columns.text and 'class="pii"' in columns.text


def test_results_are_paged_and_counted(console: Browser) -> None:
    upload(console, "sales", SALES)
    first = run(console, "SELECT * FROM sales ORDER BY amount")
    assert first.status_code == 200, first.text
    assert "rows 1–50, more follow" in first.text and first.text.count("<tr>") == 51
    last = run(console, "SELECT * FROM sales ORDER BY amount", offset=100)
    assert "rows 101–120" not in last.text or "more follow" not in last.text
    assert last.text.count("<tr>") == 21
    small = run(console, "SELECT count(*) AS n FROM sales")
    assert "1 row ·" in small.text and "120" in small.text


def test_chart_is_picked_from_result_types(console: Browser) -> None:
    upload(console, "sales", SALES)
    bars = run(console, "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region")
    assert 'data-kind="bar"' in bars.text
    line = run(console, "SELECT CAST(day AS DATE) AS d, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1")
    assert 'data-kind="line"' in line.text, line.text[:500]
    scatter = run(console, "SELECT amount, amount * 2 AS doubled FROM sales")
    assert 'data-kind="scatter"' in scatter.text
    none = run(console, "SELECT region FROM sales")
    assert "data-kind" not in none.text


def test_errors_show_message_and_hint(console: Browser) -> None:
    upload(console, "sales", SALES)
    bad = run(console, "SELECT nope FROM sales")
    assert bad.status_code in (400, 422) and 'class="error"' in bad.text and "Traceback" not in bad.text
    refused = run(console, "DROP TABLE sales")
    assert refused.status_code >= 400 and 'class="error"' in refused.text


def test_downloads(console: Browser) -> None:
    upload(console, "sales", SALES)
    console.get("/ui/sql")
    sql = "SELECT * FROM sales ORDER BY amount"
    csv = console.post("/ui/sql/download", {"sql": sql, "format": "csv"})
    lines = csv.text.splitlines()
    assert csv.status_code == 200 and lines[0] == "region,day,amount" and len(lines) == 121
    parquet = console.post("/ui/sql/download", {"sql": sql, "format": "parquet"})
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == 120
    arrow = console.post("/ui/sql/download", {"sql": sql, "format": "arrow"})
    assert pa.ipc.open_stream(arrow.content).read_all().num_rows == 120
    unknown = console.post("/ui/sql/download", {"sql": sql, "format": "xls"})
    assert unknown.status_code == 422
    without_csrf = console.post("/ui/sql/download", {"sql": sql, "format": "csv"}, csrf=False)
    assert without_csrf.status_code == 403


def test_a_huge_result_costs_one_page(console: Browser) -> None:
    upload(console, "sales", SALES)
    lh = console.client.app.state.lakehouse
    huge = "SELECT a.amount, b.amount AS b, c.amount AS c FROM sales a, sales b, sales c"  # 1.7M rows
    page = run(console, huge)
    assert page.status_code == 200 and "rows 1–50, more follow" in page.text
    assert page.text.count("<tr>") == 51
    export = lh.audit_events(action="query.export", limit=1)[0]
    assert export["rows"] <= 51  # the stream stopped after the page (and the one row that says more follow)
