"""Whatever text a dataset holds, a result page renders it as text: no character of it becomes markup."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from lakehouse.ui.render import cell, environment
from lakehouse.ui.results import result_page

MARKUP = st.text(alphabet=st.sampled_from(list("<>&\"'/= ascript")), min_size=1, max_size=40)


def rows_html(column: str, values: list[str]) -> str:
    page = result_page(pa.table({column: values}), 0, 50, 1.0)
    return environment().get_template("_rows.html").render(page=page, url="/ui/x", target="#t")


@given(values=st.lists(MARKUP, min_size=1, max_size=5), column=MARKUP)
def test_values_and_names_never_become_markup(values: list[str], column: str) -> None:
    html = rows_html(column, values)
    for text in [column, *values]:
        assert str(escape(cell(text))) in html
    plain = rows_html("c", [f"v{i}" for i in range(len(values))])  # the same page with harmless text
    for char in "<>":  # the data added no tag delimiter: everything it holds was escaped
        assert html.count(char) == plain.count(char)
