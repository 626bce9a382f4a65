"""``course template NAME``: an empty file for one's own data, its columns explained (issue 19)."""

from __future__ import annotations

import pandas as pd
import pytest

from course import cli, data, templates
from course.checks import CourseInputError


@pytest.mark.parametrize("name", sorted(templates.TEMPLATES))
def test_each_template_has_the_course_tables_columns_and_explains_each(name, tmp_path):
    csv, md = templates.write_template(name, tmp_path)
    table = pd.read_csv(csv)
    course_table = templates.TEMPLATES[name][0]
    note = md.read_text(encoding="utf-8")
    for column in table.columns:
        assert f"`{column}`" in note or column.startswith("industry_"), column
    if name != "io":
        assert table.columns.tolist() == data.load(course_table).columns.tolist()
    assert table.drop(columns=["code", "kind", "indicator"], errors="ignore").isna().all().all()


def test_the_io_template_has_the_accounts_rows(tmp_path):
    csv, _ = templates.write_template("io", tmp_path)
    table = pd.read_csv(csv)
    assert table["code"].tolist()[-4:] == ["imports", "value_added", "total_output", "employment"]
    assert {"industry_1", "households", "exports", "total"} <= set(table.columns)


def test_the_kpi_template_lists_every_course_indicator(tmp_path):
    csv, _ = templates.write_template("kpis", tmp_path)
    indicators = data.load("benchmark_indicators")["indicator"].tolist()
    assert pd.read_csv(csv)["indicator"].tolist() == indicators


def test_a_filled_in_template_is_never_overwritten(tmp_path):
    templates.write_template("members", tmp_path)
    with pytest.raises(CourseInputError, match="already exist"):
        templates.write_template("members", tmp_path)


def test_the_command_writes_it(tmp_path, capsys):
    assert cli.main(["template", "members", str(tmp_path)]) == 0
    assert (tmp_path / "members_template.csv").exists()
    assert "members_template.md" in capsys.readouterr().out
    assert cli.main(["template", "sales"]) == 2  # one plain line, no traceback
    assert "invalid choice" in capsys.readouterr().err
