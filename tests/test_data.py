"""The data layer: every course dataset loads and validates; broken files give clear errors."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pandas as pd
import pytest

from course import data
from tests.conftest import ROOT

PACKAGE = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
NAMES = [resource["name"] for resource in PACKAGE["resources"]]
EXPECTED = {
    "regional_employment",
    "cluster_members",
    "io_table",
    "benchmarking",
    "benchmark_indicators",
    "trade",
    "nace",
    "cluster_categories",
}


def test_the_issue_s_datasets_are_all_there():
    assert set(NAMES) >= EXPECTED


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_loads_validated_with_schema_types(name):
    table = data.load(name)
    fields = next(r for r in PACKAGE["resources"] if r["name"] == name)["schema"]["fields"]
    assert list(table.columns) == [f["name"] for f in fields]
    assert len(table) > 0
    for field in fields:
        column = table[field["name"]]
        if field["type"] == "integer":
            assert pd.api.types.is_integer_dtype(column), field["name"]
        elif field["type"] == "number":
            assert pd.api.types.is_float_dtype(column), field["name"]
        elif field["type"] == "boolean":
            assert pd.api.types.is_bool_dtype(column), field["name"]
        else:
            assert pd.api.types.is_string_dtype(column), field["name"]
    assert table.attrs["synthetic"] is True


def test_list_datasets_counts_rows_and_columns():
    listing = data.list_datasets().set_index("name")
    assert set(listing.index) == set(NAMES)
    for name in NAMES:
        table = data.load(name, validate=False)
        assert listing.loc[name, "rows"] == len(table)
        assert listing.loc[name, "columns"] == table.shape[1]
    assert listing["synthetic"].all()


def test_describe_gives_units_from_the_schema():
    columns = data.describe("regional_employment").set_index("column")
    assert columns.loc["employment", "type"] == "integer"
    assert columns.loc["wages_eur", "unit"] != ""


def test_regional_employment_covers_the_baltic_sea_region_partition():
    employment = data.load("regional_employment")
    assert set(employment["country"]) == {"LV", "EE", "LT", "FI", "SE", "DK"}
    assert {"LV006", "LV008", "EE001", "SE22"} <= set(employment["region"])
    assert employment["year"].min() == 2013 and employment["year"].max() == 2023
    per_cell = employment.groupby(["region", "industry", "year"]).size()
    assert per_cell.max() == 1  # one row per region x industry x year


def test_unknown_dataset_lists_the_available_ones():
    with pytest.raises(data.DatasetError, match="regional_employment") as error:
        data.load("employment")
    assert isinstance(error.value, ValueError)
    assert "list_datasets" in str(error.value)


# --- broken copies of the course data -------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that a test may break."""
    folder = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", folder, ignore=shutil.ignore_patterns("samples", "*.py"))
    monkeypatch.setenv("COURSE_DATA_DIR", str(folder))
    data._package.cache_clear()
    yield folder
    data._package.cache_clear()


def _edit_line(path, line_number, edit):
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line_number - 1] = edit(lines[line_number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def _set_field(line: str, position: int, value: str) -> str:
    # NACE names hold commas inside quotes: split and join with the csv module
    cells = next(csv.reader([line]))
    cells[position] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def _position(column: str) -> int:
    fields = next(r for r in PACKAGE["resources"] if r["name"] == "regional_employment")
    return [f["name"] for f in fields["schema"]["fields"]].index(column)


def test_text_in_a_number_column_names_file_line_column_and_fix(data_copy):
    path = data_copy / "regional_employment.csv"
    _edit_line(path, 5, lambda line: _set_field(line, _position("employment"), "12 345"))
    with pytest.raises(data.DatasetError) as error:
        data.load("regional_employment")
    message = str(error.value)
    assert "regional_employment.csv, line 5, column 'employment'" in message
    assert "'12 345'" in message and "git checkout datasets/" in message


def test_a_value_breaking_the_schema_is_reported_with_its_line(data_copy):
    path = data_copy / "regional_employment.csv"
    _edit_line(path, 7, lambda line: _set_field(line, _position("employment"), "-3"))
    with pytest.raises(data.DatasetError) as error:
        data.load("regional_employment")
    message = str(error.value)
    assert "regional_employment.csv breaks its schema" in message
    assert "line 7, column 'employment'" in message


def test_a_ragged_row_is_reported_with_pandas_line_number(data_copy):
    path = data_copy / "regional_employment.csv"
    _edit_line(path, 10, lambda line: line + ",extra")
    with pytest.raises(data.DatasetError, match=r"regional_employment.csv is malformed.*line 10"):
        data.load("regional_employment")


def test_a_missing_column_is_reported(data_copy):
    path = data_copy / "nace.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.drop(columns=["name"]).to_csv(path, index=False)
    with pytest.raises(data.DatasetError, match=r"nace.csv does not have .*missing \['name'\]"):
        data.load("nace")


def test_an_empty_or_deleted_file_is_reported(data_copy):
    (data_copy / "nace.csv").write_text("", encoding="utf-8")
    with pytest.raises(data.DatasetError, match="nace.csv is empty"):
        data.load("nace")
    (data_copy / "nace.csv").unlink()
    with pytest.raises(data.DatasetError, match="nace.csv is missing"):
        data.load("nace")


def test_a_duplicated_key_breaks_the_schema(data_copy):
    path = data_copy / "nace.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, lines[2])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(data.DatasetError, match="nace.csv breaks its schema"):
        data.load("nace")


def test_validate_checks_a_learner_s_own_table():
    own = data.load("regional_employment").head(20).copy()
    assert data.validate(own, like="regional_employment") is own
    own.loc[own.index[3], "employment"] = -1
    with pytest.raises(
        data.DatasetError, match=r"(?s)Your table breaks its schema.*row 3.*is below the minimum 0"
    ):
        data.validate(own, like="regional_employment")


def test_validate_names_a_missing_column_in_plain_words():
    own = data.load("regional_employment").head(5).drop(columns=["wages_eur"])
    with pytest.raises(data.DatasetError, match="column 'wages_eur' is missing from the table"):
        data.validate(own, like="regional_employment")
