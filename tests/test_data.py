"""The data layer: every course dataset loads and validates; broken files give clear errors."""

from __future__ import annotations

import csv
import hashlib
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


def test_an_unknown_export_share_loads_as_missing_not_zero():
    # issue 17: the 25 public and education members have no turnover, so no export share
    members = data.load("cluster_members")
    unknown = members["export_share"].isna()
    assert unknown.sum() == 25
    assert set(members.loc[unknown, "member_type"]) == {"public", "education"}
    assert members.loc[unknown, "turnover_eur"].isna().all()
    companies = members[members["member_type"] == "company"]
    assert companies["export_share"].notna().all()
    assert (companies["export_share"] == 0).sum() == 43  # true non-exporters stay 0
    described = data.describe("cluster_members").set_index("column")
    assert "unknown" in described.loc["export_share", "description"]


def test_unknown_dataset_lists_the_available_ones():
    with pytest.raises(data.DatasetError, match="regional_employment") as error:
        data.load("employment")
    assert isinstance(error.value, ValueError)
    assert "list_datasets" in str(error.value)


# --- broken copies of the course data -------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that a test may break; its datapackage.json records sizes
    and hashes, so a changed file is refused before it is parsed."""
    folder = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", folder, ignore=shutil.ignore_patterns("samples", "*.py"))
    monkeypatch.setenv("COURSE_DATA_DIR", str(folder))
    # No cache to clear: the descriptor is cached per path and version, and each test has its own
    # folder (tmp_path).
    return folder


def _rewrite_package(folder, edit):
    descriptor = folder / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        edit(resource)
    descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")


@pytest.fixture
def own_data(data_copy):
    """The copy as a data folder of one's own: datapackage.json records no bytes or hash, so
    the checks of the content (types, schema) are what catches a broken file."""
    _rewrite_package(data_copy, _forget_size_and_hash)
    return data_copy


def _forget_size_and_hash(resource):
    del resource["bytes"], resource["hash"]


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


def test_text_in_a_number_column_names_file_line_column_and_fix(own_data):
    path = own_data / "regional_employment.csv"
    _edit_line(path, 5, lambda line: _set_field(line, _position("employment"), "12 345"))
    with pytest.raises(data.DatasetError) as error:
        data.load("regional_employment")
    message = str(error.value)
    assert "regional_employment.csv, line 5, column 'employment'" in message
    assert "'12 345'" in message and "git checkout datasets/" in message


def test_a_value_breaking_the_schema_is_reported_with_its_line(own_data):
    path = own_data / "regional_employment.csv"
    _edit_line(path, 7, lambda line: _set_field(line, _position("employment"), "-3"))
    with pytest.raises(data.DatasetError) as error:
        data.load("regional_employment")
    message = str(error.value)
    assert "regional_employment.csv breaks its schema" in message
    assert "line 7, column 'employment'" in message


def test_a_ragged_row_is_reported_with_pandas_line_number(own_data):
    path = own_data / "regional_employment.csv"
    _edit_line(path, 10, lambda line: line + ",extra")
    with pytest.raises(data.DatasetError, match=r"regional_employment.csv is malformed.*line 10"):
        data.load("regional_employment")


def test_an_extra_field_on_the_first_data_line_is_reported(own_data):
    # pandas would quietly take the first column as the index and shift every column
    _edit_line(own_data / "nace.csv", 2, lambda line: line + ",extra")
    with pytest.raises(data.DatasetError, match=r"nace.csv is malformed: line 2 has more fields"):
        data.load("nace")


def test_a_missing_column_is_reported(own_data):
    path = own_data / "nace.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.drop(columns=["name"]).to_csv(path, index=False)
    with pytest.raises(data.DatasetError, match=r"nace.csv does not have .*missing \['name'\]"):
        data.load("nace")


def test_an_empty_or_deleted_file_is_reported(own_data):
    (own_data / "nace.csv").write_text("", encoding="utf-8")
    with pytest.raises(data.DatasetError, match="nace.csv is empty"):
        data.load("nace")
    (own_data / "nace.csv").unlink()
    with pytest.raises(data.DatasetError, match="nace.csv is missing"):
        data.load("nace")


def test_a_duplicated_key_breaks_the_schema(own_data):
    path = own_data / "nace.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, lines[2])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(data.DatasetError, match="nace.csv breaks its schema"):
        data.load("nace")


# --- a course file that is not the one the course ships -------------------------------------


def _cut_in_half(path):
    # cut at a line end: the rest is a valid, shorter CSV that would load without complaint
    raw = path.read_bytes()
    cut = raw.index(b"\n", len(raw) // 2) + 1
    path.write_bytes(raw[:cut])
    return cut


def _change_one_byte(path):
    # the last digit of the first data line's wages: same size, still a valid number
    raw = bytearray(path.read_bytes())
    last = raw.index(b"\n", raw.index(b"\n") + 1) - 1
    raw[last] = ord("7") if raw[last] != ord("7") else ord("3")
    path.write_bytes(bytes(raw))


def test_an_intact_copy_loads_like_the_course_data(data_copy, monkeypatch):
    copied = data.load("regional_employment")
    assert copied.attrs["source"] == str(data_copy / "regional_employment.csv")
    monkeypatch.delenv("COURSE_DATA_DIR")
    pd.testing.assert_frame_equal(copied, data.load("regional_employment"))


def test_a_truncated_course_file_is_refused_with_sizes_and_fix(data_copy):
    path = data_copy / "regional_employment.csv"
    recorded = next(r for r in PACKAGE["resources"] if r["name"] == "regional_employment")
    cut = _cut_in_half(path)
    with pytest.raises(data.DatasetError) as error:
        data.load("regional_employment")
    message = str(error.value)
    assert message.startswith("regional_employment.csv is not the course file")
    assert f"expected {recorded['bytes']:,} bytes, found {cut:,} (it was cut short)" in message
    assert "git checkout datasets/regional_employment.csv" in message
    assert "python datasets/generate.py" in message and "make datasets" in message
    assert isinstance(error.value, ValueError)


def test_without_a_recorded_size_the_truncated_file_would_load(own_data):
    # what the check prevents: half the table, no error
    path = own_data / "regional_employment.csv"
    _cut_in_half(path)
    rows_left = path.read_bytes().count(b"\n") - 1  # minus the header line
    assert len(data.load("regional_employment")) == rows_left < 31_317


def test_one_changed_byte_of_the_same_size_is_refused(data_copy):
    path = data_copy / "regional_employment.csv"
    size = path.stat().st_size
    _change_one_byte(path)
    assert path.stat().st_size == size
    with pytest.raises(
        data.DatasetError,
        match=r"regional_employment.csv is not the course file: "
        r"the content changed \(its hash differs",
    ):
        data.load("regional_employment")


def test_an_emptied_course_file_is_refused_by_its_size(data_copy):
    (data_copy / "nace.csv").write_text("", encoding="utf-8")
    with pytest.raises(data.DatasetError, match=r"nace.csv .*expected 6,397 bytes, found 0"):
        data.load("nace")


def test_a_windows_checkout_with_crlf_line_ends_loads_the_same_table(data_copy):
    expected = data.load("regional_employment")
    for path in data_copy.glob("*.csv"):  # what git core.autocrlf does on Windows
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    for name in NAMES:
        assert b"\r\n" in (data_copy / f"{name}.csv").read_bytes()
        data.load(name)
    pd.testing.assert_frame_equal(data.load("regional_employment"), expected)


def test_a_crlf_copy_that_was_also_cut_is_refused_with_its_unix_size(data_copy):
    path = data_copy / "nace.csv"
    cut = _cut_in_half(path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(data.DatasetError, match=f"expected 6,397 bytes, found {cut:,}"):
        data.load("nace")


def test_a_crlf_copy_with_a_changed_byte_is_refused(data_copy):
    path = data_copy / "regional_employment.csv"
    _change_one_byte(path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(data.DatasetError, match="the content changed"):
        data.load("regional_employment")


def test_a_folder_without_sizes_and_hashes_is_not_checked(own_data):
    _change_one_byte(own_data / "regional_employment.csv")
    table = data.load("regional_employment")
    assert len(table) == 31_317


@pytest.mark.parametrize("keep", ["bytes", "hash"])
def test_a_size_or_a_hash_alone_is_checked(data_copy, keep):
    _rewrite_package(
        data_copy, lambda resource: resource.pop("hash" if keep == "bytes" else "bytes")
    )
    path = data_copy / "nace.csv"
    _cut_in_half(path)
    with pytest.raises(data.DatasetError, match="nace.csv is not the course file"):
        data.load("nace")


def test_a_bare_hash_is_md5_as_the_data_package_spec_says(data_copy):
    path = data_copy / "regional_employment.csv"
    md5 = hashlib.md5(path.read_bytes()).hexdigest()

    def bare_md5(resource):
        if resource["name"] == "regional_employment":
            resource["hash"] = md5

    _rewrite_package(data_copy, bare_md5)
    data.load("regional_employment")
    _change_one_byte(path)
    with pytest.raises(data.DatasetError, match="the content changed"):
        data.load("regional_employment")


def test_an_unknown_hash_algorithm_is_explained(data_copy):
    _rewrite_package(data_copy, lambda resource: resource.update(hash="crc99:0000"))
    with pytest.raises(data.DatasetError, match=r"unknown algorithm 'crc99'.*sha256:<hex>"):
        data.load("nace")


def test_a_rewritten_datapackage_is_read_again_without_clearing_a_cache(data_copy):
    path = data_copy / "regional_employment.csv"
    _change_one_byte(path)
    with pytest.raises(data.DatasetError):
        data.load("regional_employment")
    _rewrite_package(data_copy, _forget_size_and_hash)  # as a regenerated descriptor would
    assert len(data.load("regional_employment")) == 31_317


def test_an_edited_copy_of_one_s_own_is_read_and_validated_without_hashes(tmp_path):
    # a learner edits a copy under another name: read_table + validate, no hash involved
    own = tmp_path / "my_employment.csv"
    course_file = ROOT / "datasets" / "regional_employment.csv"
    lines = course_file.read_text(encoding="utf-8").split("\n")[:50]
    own.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _change_one_byte(own)
    table = data.read_table(own, report=False, text_columns=["region", "industry"])
    assert len(table) == 49
    assert data.validate(table, like="regional_employment") is table


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
