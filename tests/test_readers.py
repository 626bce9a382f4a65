"""Tests for course.readers: Eurostat downloads and spreadsheet exports.

Expected values are written out by hand (tables and dicts below) or computed
with plain Python loops over the text, never by calling the reader twice.
"""

from __future__ import annotations

import datetime as dt
import gzip
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.checks import CourseInputError
from course.readers import read_eurostat, read_table

SAMPLES = Path(__file__).resolve().parent.parent / "datasets" / "samples"
TSV_SAMPLE = SAMPLES / "sbs_r_nuts06_r2_sample.tsv"
SDMX_SAMPLE = SAMPLES / "sbs_sdmx_sample.csv"
MEMBERS_SAMPLE = SAMPLES / "members_export.csv"


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def same(a: object, b: object) -> bool:
    """Equality that treats NaN/None/NA as equal to each other."""
    if pd.isna(a) and pd.isna(b):
        return True
    return a == b


# ---------------------------------------------------------------------------
# read_eurostat: bulk TSV
# ---------------------------------------------------------------------------

NEW_TSV = (
    "freq,unit,nace_r2,geo\\TIME_PERIOD\t2015 \t2016 \t2017 \n"
    "A,THS_PER,C10,LV\t25.3 \t26.1 p\t: \n"
    "A,THS_PER,C10,EE\t: c\t14 e\t-0.5 bp\n"
)


@pytest.mark.parametrize(
    ("cell", "value", "flag"),
    [
        ("123.4 p", 123.4, "p"),
        ("219 d", 219.0, "d"),
        ("1234 ", 1234.0, None),
        ("0", 0.0, None),
        ("-3.25 e", -3.25, "e"),
        ("12 bp", 12.0, "bp"),
        (":", math.nan, None),
        (": ", math.nan, None),
        (": c", math.nan, "c"),
        (":c", math.nan, "c"),
        (" 5 u ", 5.0, "u"),
    ],
)
def test_tsv_cell_shapes(tmp_path, cell, value, flag):
    path = write(tmp_path, "x.tsv", f"unit,geo\\time\t2015 \nPC,LV\t{cell}\n")
    got = read_eurostat(path)
    assert len(got) == 1
    assert same(got["value"].iloc[0], value)
    assert same(got["flag"].iloc[0], flag)


def test_tsv_new_layout_gives_tidy_rows_in_series_then_period_order(tmp_path):
    got = read_eurostat(write(tmp_path, "nama.tsv", NEW_TSV))
    assert got.columns.tolist() == ["freq", "unit", "nace_r2", "geo", "time", "value", "flag"]
    expected = [
        ("LV", 2015, 25.3, None),
        ("LV", 2016, 26.1, "p"),
        ("LV", 2017, math.nan, None),
        ("EE", 2015, math.nan, "c"),
        ("EE", 2016, 14.0, "e"),
        ("EE", 2017, -0.5, "bp"),
    ]
    assert len(got) == len(expected)
    for (_, row), (geo, year, value, flag) in zip(got.iterrows(), expected, strict=True):
        assert (row["freq"], row["unit"], row["nace_r2"], row["geo"]) == (
            "A",
            "THS_PER",
            "C10",
            geo,
        )
        assert row["time"] == year and same(row["value"], value) and same(row["flag"], flag)
    assert got["time"].dtype == np.int64
    assert got["value"].dtype == np.float64


def test_tsv_sample_keeps_every_cell_as_a_row():
    lines = TSV_SAMPLE.read_text().splitlines()
    header, body = lines[0].split("\t"), lines[1:]
    got = read_eurostat(TSV_SAMPLE)
    assert len(got) == len(body) * (len(header) - 1) == 18 * 8
    # every ':' cell is a NaN row, counted independently from the raw text
    missing_cells = sum(cell.strip().startswith(":") for line in body for cell in line.split("\t"))
    assert got["value"].isna().sum() == missing_cells == 4
    assert sorted(got["time"].unique().tolist()) == list(range(2013, 2021))
    # hand-checked cells of the sample
    look = got.set_index(["nace_r2", "indic_sb", "geo", "time"])
    assert look.loc[("C10", "V16110", "LV00", 2020), "value"] == 24150
    assert look.loc[("C10", "V16110", "LV00", 2020), "flag"] == "p"
    assert look.loc[("C10", "V16110", "EE00", 2019), "flag"] == "e"
    assert np.isnan(look.loc[("D35", "V16110", "LV00", 2016), "value"])
    assert look.loc[("D35", "V16110", "LV00", 2016), "flag"] == "c"
    assert look.loc[("J62", "V11210", "SE22", 2018), "value"] == 5030
    assert look.loc[("J62", "V11210", "SE22", 2018), "flag"] == "d"
    assert pd.isna(look.loc[("J62", "V16110", "SE22", 2013), "flag"])
    # old files list the newest year first: periods come out ascending per series
    first_series = got.iloc[:8]
    assert first_series["time"].tolist() == list(range(2013, 2021))
    assert got.attrs == {
        "source": str(TSV_SAMPLE),
        "format": "eurostat-tsv",
        "dataset": "sbs_r_nuts06_r2_sample",
    }


def test_tsv_quarters_stay_text_and_dataset_argument_is_recorded(tmp_path):
    text = "unit,geo\\TIME_PERIOD\t2015-Q1 \t2015-Q2 \nPC,LV\t1 \t2 p\n"
    got = read_eurostat(write(tmp_path, "q.tsv", text), dataset="namq_10_gdp")
    assert got["time"].tolist() == ["2015-Q1", "2015-Q2"]
    assert got.attrs["dataset"] == "namq_10_gdp"


def test_tsv_gz_reads_like_the_plain_file(tmp_path):
    path = tmp_path / "sbs_r_nuts06_r2.tsv.gz"
    path.write_bytes(gzip.compress(TSV_SAMPLE.read_bytes()))
    got = read_eurostat(path)
    pd.testing.assert_frame_equal(got, read_eurostat(TSV_SAMPLE))
    assert got.attrs["dataset"] == "sbs_r_nuts06_r2"


def test_tsv_windows_line_endings_and_blank_trailing_lines(tmp_path):
    text = NEW_TSV.replace("\n", "\r\n") + "\r\n\r\n"
    got = read_eurostat(write(tmp_path, "crlf.tsv", text))
    assert len(got) == 6
    assert got["flag"].tolist()[1] == "p"


# ---------------------------------------------------------------------------
# read_eurostat: SDMX-CSV and agreement with the TSV
# ---------------------------------------------------------------------------

NEW_SDMX = (
    "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,LV,2015,25.3,\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,LV,2016,26.1,p\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,LV,2017,,\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,EE,2015,,c\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,EE,2016,14,e\n"
    "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS_PER,C10,EE,2017,-0.5,bp\n"
)


def test_sdmx_and_tsv_of_the_same_content_give_the_same_table(tmp_path):
    from_tsv = read_eurostat(write(tmp_path, "a.tsv", NEW_TSV))
    from_sdmx = read_eurostat(write(tmp_path, "a.csv", NEW_SDMX))
    pd.testing.assert_frame_equal(from_sdmx, from_tsv)
    assert from_sdmx.attrs == {
        "source": str(tmp_path / "a.csv"),
        "format": "sdmx-csv",
        "dataflow": "ESTAT:NAMA_X(1.0)",
        "last_update": "01/02/24 23:00:00",
        "dataset": "nama_x",
    }


def test_sdmx_with_conf_status_marks_confidential_like_the_tsv(tmp_path):
    text = (
        "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
        "ESTAT:NAMA_X(1.0),01/02/24,A,THS_PER,C10,LV,2015,25.3,,F\n"
        "ESTAT:NAMA_X(1.0),01/02/24,A,THS_PER,C10,LV,2016,,,C\n"
        "ESTAT:NAMA_X(1.0),01/02/24,A,THS_PER,C10,LV,2017,,e,C\n"
    )
    got = read_eurostat(write(tmp_path, "conf.csv", text))
    assert got.columns.tolist() == [
        *["freq", "unit", "nace_r2", "geo", "time", "value", "flag", "conf_status"]
    ]
    assert [same(f, e) for f, e in zip(got["flag"], [None, "c", "ec"], strict=True)] == [True] * 3
    assert got["conf_status"].tolist() == ["F", "C", "C"]
    assert got["value"].isna().tolist() == [False, True, True]


def test_sdmx_label_columns_become_label_columns(tmp_path):
    text = (
        "DATAFLOW,LAST UPDATE,freq,Time frequency,geo,Geopolitical entity (reporting),"
        "TIME_PERIOD,Time,OBS_VALUE,OBS_FLAG,Observation status (Flag)\n"
        'ESTAT:X(1.0),01/02/24,A,Annual,LV,Latvia,2020,2020,5,p,"provisional, may change"\n'
    )
    got = read_eurostat(write(tmp_path, "labels.csv", text))
    assert got.columns.tolist() == [
        *["freq", "geo", "time", "value", "flag", "freq_label", "geo_label", "flag_label"]
    ]
    assert got.iloc[0].tolist() == ["A", "LV", 2020, 5.0, "p", "Annual", "Latvia"] + [
        "provisional, may change"
    ]


def test_sdmx_code_and_label_in_one_cell_are_split(tmp_path):
    text = (
        "STRUCTURE,STRUCTURE_ID,freq: Time frequency,geo: Geopolitical entity,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,ESTAT:X(1.0),A:Annual,LV:Latvia,2020,5\n"
    )
    got = read_eurostat(write(tmp_path, "both.csv", text))
    assert got[["freq", "geo", "freq_label", "geo_label"]].iloc[0].tolist() == [
        *["A", "LV", "Annual", "Latvia"]
    ]
    assert got.attrs["dataset"] == "x"


def test_sdmx_sample_matches_tsv_sample():
    tsv = read_eurostat(TSV_SAMPLE)
    sdmx = read_eurostat(SDMX_SAMPLE)
    assert sdmx.columns.tolist() == ["freq", *tsv.columns]
    pd.testing.assert_frame_equal(sdmx[tsv.columns.tolist()], tsv)
    assert sdmx.attrs["dataset"] == "sbs_r_nuts06_r2"
    assert sdmx.attrs["last_update"] == "15/03/24 23:00:00"


def test_sdmx_dataset_argument_is_checked(tmp_path):
    path = write(tmp_path, "a.csv", NEW_SDMX)
    assert read_eurostat(path, dataset="NAMA_X").attrs["dataset"] == "NAMA_X"
    with pytest.raises(CourseInputError, match=r"'a.csv' holds dataset nama_x, not 'lfst_r'"):
        read_eurostat(path, dataset="lfst_r")


CELLS = st.one_of(
    st.tuples(st.integers(-(10**6), 10**6), st.sampled_from(["", "p", "e", "b", "bp"])),
    st.tuples(st.none(), st.sampled_from(["", "c"])),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(grid=st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=5))
def test_tsv_and_sdmx_agree_on_any_grid(tmp_path, grid):
    """Identity: the same observations written both ways read back to the same table."""
    periods = [2018, 2019, 2020]
    tsv = ["geo\\TIME_PERIOD\t" + "\t".join(f"{p} " for p in periods)]
    sdmx = ["DATAFLOW,LAST UPDATE,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    expected = []
    for i, row in enumerate(grid):
        geo = f"R{i:02d}"
        cells = []
        for period, (value, flag) in zip(periods, row, strict=True):
            number = ":" if value is None else str(value)
            cells.append(f"{number} {flag}".rstrip() + " ")
            sdmx.append(
                f"ESTAT:X(1.0),today,{geo},{period},{'' if value is None else value},{flag}"
            )
            expected.append((geo, period, value, flag or None))
        tsv.append(geo + "\t" + "\t".join(cells))
    a = read_eurostat(write(tmp_path, "g.tsv", "\n".join(tsv) + "\n"))
    b = read_eurostat(write(tmp_path, "g.csv", "\n".join(sdmx) + "\n"))
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 3 * len(grid)
    for (_, row), (geo, period, value, flag) in zip(a.iterrows(), expected, strict=True):
        assert (row["geo"], row["time"]) == (geo, period)
        assert same(row["value"], value) and same(row["flag"], flag)


# ---------------------------------------------------------------------------
# read_eurostat: errors
# ---------------------------------------------------------------------------


def test_missing_file_lists_what_is_in_the_folder(tmp_path):
    write(tmp_path, "sbs_r_nuts06_r2.tsv", NEW_TSV)
    with pytest.raises(CourseInputError, match=r"no file .*sbs_r_nuts06.tsv.*Check the spelling"):
        read_eurostat(tmp_path / "sbs_r_nuts06.tsv")
    with pytest.raises(CourseInputError, match=r"Files in .*'sbs_r_nuts06_r2.tsv'"):
        read_eurostat(tmp_path / "sbs_r_nuts06.tsv")


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(CourseInputError, match=r"folder .*downloads.* does not exist either"):
        read_eurostat(tmp_path / "downloads" / "x.tsv")


def test_folder_instead_of_file(tmp_path):
    write(tmp_path, "a.tsv", NEW_TSV)
    with pytest.raises(CourseInputError, match=r"is a folder, not a file. Files in it: 'a.tsv'"):
        read_eurostat(tmp_path)


def test_empty_file(tmp_path):
    with pytest.raises(
        CourseInputError, match=r"'empty.tsv' is empty. Download or export it again"
    ):
        read_eurostat(write(tmp_path, "empty.tsv", "\n  \n"))


def test_header_only(tmp_path):
    with pytest.raises(CourseInputError, match=r"'h.tsv' has a header line but no data rows"):
        read_eurostat(write(tmp_path, "h.tsv", "geo\\time\t2015 \n"))


def test_neither_format_says_what_was_expected_and_found(tmp_path):
    path = write(tmp_path, "members.csv", "name;employees\nA;5\n")
    with pytest.raises(
        CourseInputError,
        match=r"'members.csv' is neither a Eurostat bulk TSV nor an SDMX-CSV file\. "
        r"Expected a first line like 'freq,unit,nace_r2,geo\\\\TIME_PERIOD.*"
        r"found 'name;employees'.*read_table",
    ):
        read_eurostat(path)


def test_ragged_row_gives_line_number(tmp_path):
    text = NEW_TSV.replace("26.1 p\t", "26.1 p\t7 \t")
    with pytest.raises(
        CourseInputError, match=r"line 2 of 'r.tsv' has 5 cells where the header has 4.*truncated"
    ):
        read_eurostat(write(tmp_path, "r.tsv", text))


def test_truncated_file_points_at_the_last_line(tmp_path):
    text = NEW_TSV[: NEW_TSV.index("14 e")]
    with pytest.raises(
        CourseInputError,
        match=r"line 3 \(the last line\) of 't.tsv' has 3 cells where the header has 4\. "
        r"The file may be truncated",
    ):
        read_eurostat(write(tmp_path, "t.tsv", text))


def test_truncated_gz(tmp_path):
    path = tmp_path / "cut.tsv.gz"
    path.write_bytes(gzip.compress(TSV_SAMPLE.read_bytes())[:200])
    with pytest.raises(CourseInputError, match=r"'cut.tsv.gz' is a damaged or incomplete .gz"):
        read_eurostat(path)


def test_truncated_sdmx_row(tmp_path):
    text = NEW_SDMX + "ESTAT:NAMA_X(1.0),01/02/24 23:00:00,A,THS"
    with pytest.raises(CourseInputError, match=r"line 8 \(the last line\) of 's.csv' has 4 cells"):
        read_eurostat(write(tmp_path, "s.csv", text))


def test_series_key_with_wrong_number_of_codes(tmp_path):
    text = "unit,geo\\time\t2015 \nPC,LV,X\t1 \n"
    with pytest.raises(CourseInputError, match=r"line 2 of 'k.tsv' has the series key 'PC,LV,X'"):
        read_eurostat(write(tmp_path, "k.tsv", text))


def test_unreadable_cell(tmp_path):
    text = "unit,geo\\time\t2015 \t2016 \nPC,LV\t1 \t12,5 \n"
    with pytest.raises(
        CourseInputError, match=r"cell '12,5 ' on line 2 of 'c.tsv' \(period 2016\) is not"
    ):
        read_eurostat(write(tmp_path, "c.tsv", text))


def test_unreadable_sdmx_value(tmp_path):
    text = NEW_SDMX.replace(",14,e", ",n/a,e")
    with pytest.raises(CourseInputError, match=r"OBS_VALUE 'n/a' on line 6 of 'v.csv'"):
        read_eurostat(write(tmp_path, "v.csv", text))


# ---------------------------------------------------------------------------
# read_table: the committed sample
# ---------------------------------------------------------------------------


def test_members_sample(capsys):
    got = read_table(MEMBERS_SAMPLE)
    raw_lines = MEMBERS_SAMPLE.read_bytes().decode("utf-8-sig").splitlines()
    assert len(got) == len(raw_lines) - 1 == 10
    assert got.columns.tolist() == [
        *["organisation", "nace_r2", "region", "employees", "employees_flag"],
        *["turnover_eur", "export_share", "joined"],
    ]
    assert got["organisation"].iloc[0] == "SIA Ābeļu Dārzs"  # UTF-8, BOM not in the name
    assert got["nace_r2"].tolist()[:2] == ["C10.3", "C10.1"]  # codes stay text
    assert got["joined"].iloc[0] == "12.05.2014"  # a real date column stays as it is
    employees = [42, 18, 65, 27, 11, math.nan, 134, 58, 6, 23]  # line 7 held a date
    assert [same(a, b) for a, b in zip(got["employees"], employees, strict=True)] == [True] * 10
    assert got["employees_flag"].iloc[2] == "e"
    assert got["employees_flag"].notna().sum() == 1
    assert got["turnover_eur"].round(2).tolist() == [
        *[3450000.5, 1234567.8, 8920000.0, 2105300.0, 980450.25],
        *[455000.0, 12760000.0, 4310900.0, 120300.0, 1870000.0],
    ]
    share = got["export_share"].tolist()
    assert share[0] == 12.5 and share[5] == 0.0
    assert np.isnan(share[3]) and np.isnan(share[8])  # empty cell and '-'
    assert got.attrs["coercions"] == [
        {
            "column": "employees",
            "row": 2,
            "line": 4,
            "original": "65 e",
            "value": 65.0,
            "flag": "e",
            "action": "flag split",
        },
        {
            "column": "employees",
            "row": 5,
            "line": 7,
            "original": "01.03.2015",
            "value": None,
            "flag": None,
            "action": "date in numeric column",
        },
        {
            "column": "export_share",
            "row": 8,
            "line": 10,
            "original": "-",
            "value": None,
            "flag": None,
            "action": "set to NaN",
        },
    ]
    # the line number really is the line of the file (header = line 1)
    assert raw_lines[7 - 1].split(";")[3] == "01.03.2015"
    assert got.attrs["numeric_columns"] == ["employees", "turnover_eur", "export_share"]
    assert (got.attrs["separator"], got.attrs["decimal"], got.attrs["encoding"]) == (
        ";",
        ",",
        "utf-8",
    )
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1  # one line for the learner
    assert printed.startswith(
        "read members_export.csv: 10 rows, 8 columns; separator ';', decimal ','"
    )
    assert (
        "converted 2 cells in 'employees': 1 flag split, "
        "1 date-like value set to missing (line 7: '01.03.2015')"
    ) in printed
    assert printed.strip() == got.attrs["summary"]


def test_report_false_prints_nothing(capsys):
    read_table(MEMBERS_SAMPLE, report=False)
    assert capsys.readouterr().out == ""


# ---------------------------------------------------------------------------
# read_table: cell shapes, separators, decimals, encodings
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "decimal", "value", "flag"),
    [
        ("1 234,5", ",", 1234.5, None),
        ("1\u00a0234,5", ",", 1234.5, None),
        ("1\u202f234\u202f567", ",", 1234567.0, None),
        ("1.234,5", ",", 1234.5, None),
        ("1.234.567", ",", 1234567.0, None),
        ("-3,25", ",", -3.25, None),
        ("\u22123,25", ",", -3.25, None),
        (",5", ",", 0.5, None),
        ("12,5 %", ",", 12.5, None),
        ("12,5%", ",", 12.5, None),
        ("219 d", ",", 219.0, "d"),
        ("1 234,5 p", ",", 1234.5, "p"),
        (": c", ",", math.nan, "c"),
        (":", ",", math.nan, None),
        ("-", ",", math.nan, None),
        ("", ",", math.nan, None),
        ("1,234.5", ".", 1234.5, None),
        ("1 234.5", ".", 1234.5, None),
        ("1234.5", ".", 1234.5, None),
        ("1.5E+03", ".", 1500.0, None),
    ],
)
def test_read_table_cell_shapes(tmp_path, cell, decimal, value, flag):
    # three plain numbers make the column clearly numeric whatever the tested cell is
    plain = ["1", "2", "3"] if decimal == "," else ["1.5", "2", "3"]
    text = "name;x\n" + "".join(f"r{i};{v}\n" for i, v in enumerate([*plain, cell]))
    got = read_table(write(tmp_path, "t.csv", text), decimal=decimal, report=False)
    assert len(got) == 4
    assert same(got["x"].iloc[3], value)
    if flag is not None:
        assert got["x_flag"].iloc[3] == flag


@pytest.mark.parametrize(
    ("text", "sep", "decimal"),
    [
        ("name;value;share\nA;1,5;12,5\nB;2,25;7,0\n", ";", ","),
        ("name,value,share\nA,1.5,12.5\nB,2.25,7.0\n", ",", "."),
        ("name\tvalue\tshare\nA\t1,5\t12,5\nB\t2,25\t7,0\n", "\t", ","),
        ('name,value,share\n"Smith, Ltd",1.5,12.5\nB,2.25,7.0\n', ",", "."),
        ('name,value,share\nA,"1,5","12,5"\nB,"2,25","7,0"\n', ",", ","),
        ("name;value;share\nA;1.5;12.5\nB;2.25;7.0\n", ";", "."),
    ],
)
def test_separator_and_decimal_are_detected(tmp_path, text, sep, decimal):
    got = read_table(write(tmp_path, "d.csv", text), report=False)
    assert (got.attrs["separator"], got.attrs["decimal"]) == (sep, decimal)
    assert got["value"].tolist() == [1.5, 2.25]
    assert got["share"].tolist() == [12.5, 7.0]


def test_explicit_sep_and_decimal_win(tmp_path):
    # '1.234' is ambiguous: the lone mark is read as the decimal mark unless told otherwise
    text = "a;b\n1.234;2\n5.678;3\n"
    assert read_table(write(tmp_path, "e.csv", text), report=False)["a"].tolist() == [1.234, 5.678]
    forced = read_table(write(tmp_path, "e.csv", text), decimal=",", report=False)
    assert forced["a"].tolist() == [1234, 5678]
    as_text = read_table(write(tmp_path, "e.csv", text), sep=",", report=False)
    assert as_text.columns.tolist() == ["a;b"]


def test_cp1257_fallback_reads_baltic_and_swedish_letters(tmp_path, capsys):
    text = "organisation;region;employees\nSIA Ķekava Šķūnis;LV007;12\nÖstra Gård AB;SE22;7\n"
    path = write(tmp_path, "baltic.csv", text, encoding="cp1257")
    got = read_table(path)
    assert got["organisation"].tolist() == ["SIA Ķekava Šķūnis", "Östra Gård AB"]
    assert got.attrs["encoding"] == "cp1257"
    assert "encoding cp1257 (not UTF-8" in capsys.readouterr().out


def test_latin1_is_the_last_fallback(tmp_path):
    # byte 0x81 is undefined in cp1257, so only latin-1 can read this file
    path = tmp_path / "odd.csv"
    path.write_bytes(b"name;n\nA\x81;1\n")
    got = read_table(path, report=False)
    assert got.attrs["encoding"] == "latin-1"
    assert got["n"].tolist() == [1]


def test_utf8_bom_and_utf16(tmp_path):
    text = "region;employees\nRīga;1 200\n"
    bom = read_table(write(tmp_path, "bom.csv", "\ufeff" + text), report=False)
    utf16 = read_table(write(tmp_path, "u16.txt", text, encoding="utf-16"), report=False)
    for got in (bom, utf16):
        assert got.columns.tolist() == ["region", "employees"]
        assert got.iloc[0].tolist() == ["Rīga", 1200]


def test_rows_are_never_dropped_and_text_stays_text(tmp_path):
    text = "name;n;note\nA;1;ok\n;;\nB;2;\n;;\n"
    got = read_table(write(tmp_path, "rows.csv", text), report=False)
    assert len(got) == 4
    assert got["n"].isna().tolist() == [False, True, False, True]
    assert got["note"].tolist()[0] == "ok" and got["note"].isna().sum() == 3
    assert got.attrs["coercions"] == []
    assert "no cells needed converting" in got.attrs["summary"]


def test_codes_with_leading_zeros_and_text_columns_stay_text(tmp_path):
    text = "postcode;year;employees\n0123;2015;5\n0456;2016;7\n"
    got = read_table(write(tmp_path, "z.csv", text), report=False)
    assert got["postcode"].tolist() == ["0123", "0456"]
    assert got["employees"].tolist() == [5, 7]
    kept = read_table(write(tmp_path, "z.csv", text), text_columns=["year"], report=False)
    assert kept["year"].tolist() == ["2015", "2016"]
    assert kept.attrs["numeric_columns"] == ["employees"]


def test_mostly_text_column_is_left_alone_and_the_threshold_is_80_percent(tmp_path):
    # 4 of 5 cells are numbers (80 %): numeric, the text cell reported
    four = "name;x\na;1\nb;2\nc;3\nd;4\ne;n/a\n"
    got = read_table(write(tmp_path, "four.csv", four), report=False)
    assert got["x"].isna().tolist() == [False] * 4 + [True]
    assert got.attrs["coercions"][0]["action"] == "text in numeric column"
    assert got.attrs["coercions"][0]["original"] == "n/a"
    # 3 of 5 (60 %): stays text, nothing reported
    three = "name;x\na;1\nb;2\nc;3\nd;big\ne;n/a\n"
    got = read_table(write(tmp_path, "three.csv", three), report=False)
    assert got["x"].tolist() == ["1", "2", "3", "big", "n/a"]
    assert got.attrs["coercions"] == []


@pytest.mark.parametrize("date", ["2015-03-01", "01.03.2015", "1/3/15", "1-Mar", "Mar-15"])
def test_dates_in_numeric_columns_are_reported(tmp_path, date):
    text = f"name;x\na;1\nb;2\nc;3\nd;4\ne;{date}\n"
    got = read_table(write(tmp_path, "date.csv", text), report=False)
    assert np.isnan(got["x"].iloc[4])
    assert got.attrs["coercions"] == [
        {
            "column": "x",
            "row": 4,
            "line": 6,
            "original": date,
            "value": None,
            "flag": None,
            "action": "date in numeric column",
        }
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    numbers=st.lists(
        st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False),
        min_size=1,
        max_size=8,
    ),
    thousands=st.sampled_from([" ", "\u00a0", "."]),
)
def test_decimal_comma_round_trip(tmp_path, numbers, thousands):
    """Identity: a number written the European way reads back as the same number."""

    def european(number):
        sign = "-" if number < 0 else ""
        whole, cents = f"{abs(number):.2f}".split(".")
        groups = []
        while whole:  # group digits by three from the right, by hand
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        return sign + thousands.join(groups) + "," + cents

    text = "x\n" + "".join(european(n) + "\n" for n in numbers)
    got = read_table(write(tmp_path, "r.csv", text), sep=";", decimal=",", report=False)
    assert len(got) == len(numbers)
    assert [round(v, 2) for v in got["x"]] == [round(float(n), 2) for n in numbers]


# ---------------------------------------------------------------------------
# read_table: XLSX
# ---------------------------------------------------------------------------


def make_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["exported from the member register"])
    members = book.create_sheet("Members")
    members.append(["organisation", "employees", "turnover_eur", "joined"])
    members.append(["SIA Ābeļu Dārzs", 42, 3450000.5, dt.datetime(2014, 5, 12)])
    members.append(
        ["SIA Ogu Sala", dt.datetime(2015, 3, 1), "455 000,00", dt.datetime(2016, 1, 21)]
    )
    members.append(["AS Piena Ceļš", "65 e", 8920000, dt.datetime(2015, 9, 3)])
    members.append(["SIA Medus Bite", 6, "1 234,5", dt.datetime(2018, 2, 2)])
    members.append(["SIA Etiķešu Darbnīca", 23, None, dt.datetime(2018, 2, 2)])
    book.save(path)
    return path


def test_xlsx_sheet_by_name_with_the_same_cleaning(tmp_path, capsys):
    path = make_xlsx(tmp_path / "members.xlsx")
    got = read_table(path, sheet="Members")
    assert len(got) == 5
    assert got["employees"].isna().tolist() == [False, True, False, False, False]
    assert got["employees"].dropna().tolist() == [42, 65, 6, 23]
    assert got["employees_flag"].iloc[2] == "e"
    assert got["turnover_eur"].round(2).tolist()[:4] == [3450000.5, 455000.0, 8920000.0, 1234.5]
    assert np.isnan(got["turnover_eur"].iloc[4])  # the empty cell
    assert pd.api.types.is_datetime64_any_dtype(got["joined"])  # a real date column is kept
    assert [(c["line"], c["original"], c["action"]) for c in got.attrs["coercions"]] == [
        (3, "2015-03-01 00:00:00", "date in numeric column"),
        (4, "65 e", "flag split"),
    ]
    assert (got.attrs["format"], got.attrs["sheet"], got.attrs["decimal"]) == (
        *("xlsx", "Members", ","),
    )
    assert "read members.xlsx: 5 rows, 5 columns; sheet 'Members'" in capsys.readouterr().out


def test_xlsx_first_sheet_by_default_and_unknown_sheet(tmp_path):
    path = make_xlsx(tmp_path / "members.xlsx")
    assert read_table(path, report=False).columns.tolist() == ["exported from the member register"]
    assert read_table(path, sheet=1, report=False).attrs["sheet"] == "Members"
    with pytest.raises(
        CourseInputError,
        match=r"'members.xlsx' has no sheet 'Mebmers'\. Its sheets are: 'Notes', 'Members'",
    ):
        read_table(path, sheet="Mebmers")


@pytest.mark.parametrize("sheet", ["Members", 0])
def test_a_sheet_asked_of_a_csv_is_refused_not_ignored(tmp_path, sheet):
    # before: ignored silently, although the learner most likely meant the .xlsx file
    path = write(tmp_path, "members.csv", "name;n\nA;1\n")
    with pytest.raises(
        CourseInputError,
        match=rf"sheet={sheet!r} is for \.xlsx files, but "
        r"'members.csv' is a text file \(\.csv\) without sheets",
    ):
        read_table(path, sheet=sheet)


def test_empty_xlsx_and_empty_sheet(tmp_path):
    with pytest.raises(CourseInputError, match=r"'none.xlsx' is empty \(0 bytes\)"):
        read_table(write(tmp_path, "none.xlsx", ""))
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blank"
    book.save(tmp_path / "blank.xlsx")
    with pytest.raises(CourseInputError, match=r"sheet 'Blank' of 'blank.xlsx' is empty"):
        read_table(tmp_path / "blank.xlsx")


def test_broken_xlsx(tmp_path):
    path = write(tmp_path, "broken.xlsx", "this is not a zip file")
    with pytest.raises(CourseInputError, match=r"'broken.xlsx' is not a readable .xlsx file"):
        read_table(path)


# ---------------------------------------------------------------------------
# read_table: errors
# ---------------------------------------------------------------------------


def test_read_table_missing_file(tmp_path):
    write(tmp_path, "members.csv", "a;b\n1;2\n")
    with pytest.raises(CourseInputError, match=r"read_table: no file .*member.csv.*'members.csv'"):
        read_table(tmp_path / "member.csv")


@pytest.mark.parametrize("name", ["members.xls", "members.json", "members"])
def test_unsupported_extension_lists_the_supported_ones(tmp_path, name):
    path = write(tmp_path, name, "a;b\n1;2\n")
    with pytest.raises(
        CourseInputError,
        match=rf"cannot read '{name}': the extension .* is not supported\. "
        r"Supported: \.csv, \.txt, \.tsv, \.xlsx, \.xlsm",
    ):
        read_table(path)


def test_xls_gets_a_save_as_hint(tmp_path):
    with pytest.raises(CourseInputError, match=r"Save \.xls/\.ods files as \.xlsx first"):
        read_table(write(tmp_path, "old.xls", "x"))


def test_read_table_empty_file(tmp_path):
    with pytest.raises(CourseInputError, match=r"'empty.csv' is empty"):
        read_table(write(tmp_path, "empty.csv", ""))


def test_read_table_ragged_row(tmp_path):
    text = "name;employees\nA;1\nB;2;extra\nC;3\n"
    with pytest.raises(
        CourseInputError, match=r"line 3 of 'ragged.csv' has 3 cells where the header has 2"
    ):
        read_table(write(tmp_path, "ragged.csv", text))


# ---------------------------------------------------------------------------
# read_table: nothing lost, nothing invented
# ---------------------------------------------------------------------------


def test_stray_quote_is_an_error_naming_its_line(tmp_path):
    # 5 data lines; the quote opening on line 3 would swallow lines 4-5 into one cell
    text = 'name;n\nA;1\n"B Ltd;2\nC;3\nD;4\nE;5\n'
    with pytest.raises(
        CourseInputError,
        match=r"line 3 of 'q.csv' opens a quote .* Remove the stray quote on line 3, or close it",
    ):
        read_table(write(tmp_path, "q.csv", text))


def test_quoted_cell_over_two_lines_is_an_error(tmp_path):
    text = 'name;note;n\nA;"two\nlines";1\nB;ok;2\n'
    with pytest.raises(CourseInputError, match=r"line 2 of 'm.csv' opens a quote"):
        read_table(write(tmp_path, "m.csv", text))


def test_closed_quotes_and_doubled_quotes_still_read(tmp_path):
    text = 'name;n\n"Smith; Ltd";1\n"The ""Best"" Co";2\n'
    got = read_table(write(tmp_path, "ok.csv", text), report=False)
    assert got["name"].tolist() == ["Smith; Ltd", 'The "Best" Co']
    assert got["n"].tolist() == [1, 2]


AMBIGUOUS = "name;share\nA;1.234\nB;0.987\nC;2.500\n"


def test_ambiguous_decimal_reads_the_lone_mark_as_decimal_and_says_so(tmp_path, capsys):
    # '0.987' cannot be a thousands group, and point decimals in a ';' file are common
    got = read_table(write(tmp_path, "amb.csv", AMBIGUOUS))
    assert got["share"].tolist() == [1.234, 0.987, 2.5]
    assert got.attrs["decimal"] == "."
    printed = capsys.readouterr().out
    assert printed.strip() == got.attrs["summary"]


def test_unclear_decimal_is_reported_with_both_readings_and_the_override(tmp_path):
    text = "name;n\nA;1.234\nB;5.678\nC;12\n"
    got = read_table(write(tmp_path, "u.csv", text), report=False)
    assert got["n"].tolist() == [1.234, 5.678, 12.0]
    assert (
        "decimal mark unclear (every number with a mark has three digits after it, e.g. '1.234')"
        ": read '.' as the decimal mark ('1.234' = 1.234); if it groups thousands "
        "('1.234' = 1234), pass decimal=','"
    ) in got.attrs["summary"]
    thousands = read_table(write(tmp_path, "u.csv", text), decimal=",", report=False)
    assert thousands["n"].tolist() == [1234, 5678, 12]
    assert "unclear" not in thousands.attrs["summary"]


def test_unclear_decimal_comma_is_read_as_a_decimal_comma(tmp_path):
    got = read_table(write(tmp_path, "c.csv", "name;n\nA;1,234\nB;5,678\n"), report=False)
    assert got["n"].tolist() == [1.234, 5.678]
    assert "pass decimal='.'" in got.attrs["summary"]


def test_clear_decimal_evidence_gives_no_note(tmp_path):
    got = read_table(write(tmp_path, "c.csv", "name;n\nA;1.234,5\nB;2.345\n"), report=False)
    assert got["n"].tolist() == [1234.5, 2345.0]
    assert "unclear" not in got.attrs["summary"]


MEMBERS_WITH_EXTRAS = (
    "Member register 2024;;\n"
    ";;\n"
    "organisation;employees;turnover_eur\n"
    "SIA Ozols;10;1 000,5\n"
    "SIA Bite;20;2 000,5\n"
    "SIA Krasts;30;3 000\n"
    "Kopā;60;6 001\n"
    ";;\n"
    "Avots: biedru reģistrs;;\n"
)


def test_title_totals_and_notes_are_dropped_with_warnings(tmp_path):
    path = write(tmp_path, "extras.csv", MEMBERS_WITH_EXTRAS)
    with pytest.warns(UserWarning) as caught:
        got = read_table(path, report=False)
    messages = [str(w.message) for w in caught]
    assert got["organisation"].tolist() == ["SIA Ozols", "SIA Bite", "SIA Krasts"]
    assert got["employees"].tolist() == [10, 20, 30]
    assert got["turnover_eur"].tolist() == [1000.5, 2000.5, 3000.0]
    assert got.attrs["header_lines"] == [3]
    assert got.attrs["dropped"] == [
        {"line": 1, "text": "Member register 2024", "reason": "title"},
        {"line": 2, "text": "", "reason": "title"},
        {"line": 8, "text": "", "reason": "note"},
        {"line": 9, "text": "Avots: biedru reģistrs", "reason": "note"},
        {"line": 7, "text": "Kopā", "reason": "totals"},
    ]
    assert messages == [
        "extras.csv: skipped lines 1-2 above the header as a title ('Member register 2024'); "
        "the header is line 3. Pass skiprows=2 (or header=3) to say so.",
        "extras.csv: dropped lines 8-9 at the end as notes, not data ('Avots: biedru reģistrs')."
        " Pass footer=2 to say so, or footer=0 to keep every line as data.",
        "extras.csv: dropped line 7 at the end as a totals row ('Kopā'): kept as data it would "
        "double every sum. Pass footer=1 to say so, or footer=0 to keep it.",
    ]
    assert "dropped the totals row (line 7)" in got.attrs["summary"]


def test_explicit_options_give_the_same_table_without_warnings(tmp_path, recwarn):
    path = write(tmp_path, "extras.csv", MEMBERS_WITH_EXTRAS)
    got = read_table(path, header=3, footer=3, report=False)
    assert got["employees"].tolist() == [10, 20, 30]
    assert len(recwarn) == 0
    assert read_table(path, skiprows=2, footer=3, report=False).equals(got)


def test_footer_zero_keeps_a_totals_row_but_warns(tmp_path):
    text = "name;n\nA;1\nB;2\nC;4\nTotal;7\n"
    with pytest.warns(UserWarning, match=r"totals rows \('Total' .* line 5\) are still in"):
        got = read_table(write(tmp_path, "t.csv", text), footer=0, report=False)
    assert got["n"].tolist() == [1, 2, 4, 7]


@pytest.mark.parametrize("label", ["Total", "Kopā", "Summa", "Yhteensä", "I alt", "Iš viso", "Kokku",
                                   "Sum", "TOTAL:"])  # fmt: skip
def test_totals_labels_in_the_course_languages(tmp_path, label):
    text = f"name;n\nA;1\nB;2\n{label};3\n"
    with pytest.warns(UserWarning, match="totals row"):
        got = read_table(write(tmp_path, "t.csv", text), report=False)
    assert got["n"].tolist() == [1, 2]
    assert got["n"].sum() == 3  # not 6


def test_unlabelled_sum_row_is_dropped_and_a_labelled_one_is_an_error(tmp_path):
    text = "name;n;m\nA;1;10\nB;2;20\nC;4;40\n;7;70\n"
    with pytest.warns(UserWarning, match=r"line 5 at the end as a totals row \('no label"):
        got = read_table(write(tmp_path, "s.csv", text), report=False)
    assert got["n"].tolist() == [1, 2, 4]
    labelled = text.replace(";7;70", "Latvia;7;70")
    with pytest.raises(
        CourseInputError,
        match=r"the last row of 'l.csv' \(line 5, 'Latvia'\) equals the sum of the rows above "
        r"in 'n', 'm'.*footer=1 to drop it, or footer=0",
    ):
        read_table(write(tmp_path, "l.csv", labelled), report=False)
    kept = read_table(write(tmp_path, "l.csv", labelled), footer=0, report=False)
    assert kept["n"].tolist() == [1, 2, 4, 7]


def test_subtotal_rows_in_the_middle_are_an_error(tmp_path):
    text = "name;n\nA;1\nB;2\nTotal;3\nC;4\nD;5\n"
    with pytest.raises(CourseInputError, match=r"\('Total' in column 'name', line 4\) are in the "
                       r"middle of the table read from 'mid.csv'"):  # fmt: skip
        read_table(write(tmp_path, "mid.csv", text), report=False)


def test_two_row_header_is_joined_not_read_as_data(tmp_path):
    text = (
        "region;Employees;;Turnover;\n;2022;2023;2022;2023\nLV006;10;12;100;120\nLV007;5;6;50;60\n"
    )
    with pytest.warns(
        UserWarning, match=r"lines 1 and 2 look like a two-row header.*header=\[1, 2\]"
    ):
        got = read_table(write(tmp_path, "h.csv", text), report=False)
    assert got.columns.tolist() == [
        *["region", "Employees 2022", "Employees 2023", "Turnover 2022", "Turnover 2023"]
    ]
    assert got["region"].tolist() == ["LV006", "LV007"]  # line 2 is not a data row
    assert got["Employees 2023"].tolist() == [12, 6]
    assert got.attrs["header_lines"] == [1, 2]
    explicit = read_table(write(tmp_path, "h.csv", text), header=[1, 2], report=False)
    assert explicit.columns.tolist() == got.columns.tolist()


def test_units_row_under_the_header_is_a_second_header_row(tmp_path):
    text = "region;employment;turnover\n;persons;EUR thousand\nLV006;10;100\nLV007;5;50\n"
    with pytest.warns(UserWarning, match="two-row header"):
        got = read_table(write(tmp_path, "u.csv", text), report=False)
    assert got.columns.tolist() == ["region", "employment persons", "turnover EUR thousand"]
    assert got["employment persons"].tolist() == [10, 5]


def test_pandas_index_column_is_not_a_second_header(tmp_path, recwarn):
    got = read_table(write(tmp_path, "i.csv", ",employees\n0,5\n1,7\n"), report=False)
    assert got["employees"].tolist() == [5, 7] and len(got) == 2
    assert len(recwarn) == 0


def test_bad_layout_options(tmp_path):
    path = write(tmp_path, "x.csv", "a;b\n1;2\n")
    with pytest.raises(CourseInputError, match=r"header= takes the line number .* first line is 1"):
        read_table(path, header=0)
    with pytest.raises(CourseInputError, match=r"footer= must be a whole number >= 0"):
        read_table(path, footer=-1)
    with pytest.raises(CourseInputError, match=r"has 2 lines, so line 5 cannot be its header"):
        read_table(path, header=5)


def test_xlsx_title_header_and_totals(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Cluster members, 2024"])
    sheet.append(["organisation", "employees", "turnover_eur"])
    sheet.append(["SIA Ozols", 10, 1000.5])
    sheet.append(["SIA Bite", "20 e", "2 000,5"])
    sheet.append(["SIA Krasts", 30, 3000])
    sheet.append(["Total", 60, 6001])
    sheet.append(["Source: member register"])
    book.save(tmp_path / "m.xlsx")
    with pytest.warns(UserWarning) as caught:
        got = read_table(tmp_path / "m.xlsx", report=False)
    assert got.columns.tolist() == ["organisation", "employees", "employees_flag", "turnover_eur"]
    assert got["employees"].tolist() == [10, 20, 30]
    assert got["turnover_eur"].tolist() == [1000.5, 2000.5, 3000.0]
    assert [(d["line"], d["reason"]) for d in got.attrs["dropped"]] == [
        (1, "title"),
        (7, "note"),
        (6, "totals"),
    ]
    assert got["employees_flag"].tolist()[1] == "e"
    assert got.attrs["coercions"][0]["line"] == 4  # '20 e' is on row 4 of the sheet
    assert len(caught) == 3


def test_xlsx_unlabelled_sum_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [["name", "n"], ["A", 1], ["B", 2], ["C", 4], [None, 7]]:
        sheet.append(row)
    book.save(tmp_path / "s.xlsx")
    with pytest.warns(UserWarning, match="totals row"):
        got = read_table(tmp_path / "s.xlsx", report=False)
    assert got["n"].tolist() == [1, 2, 4]


# ---------------------------------------------------------------------------
# read_table: choosing the encoding by the letters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("Fødevarer Ærø ApS;Næstved;Smørrebrød og Ål", "latin-1"),  # Danish
        ("Östra Gårdens Kött AB;Malmö;Åhus", "latin-1"),  # Swedish
        ("Pääkaupunkiseudun Öljy Oy;Hämeenlinna;Åland", "latin-1"),  # Finnish
        ("SIA Ķekava Šķūnis;Rīga;Jūrmala Liepāja", "cp1257"),  # Latvian
        ("UAB Šiaulių Įmonių Prekės;Kaunas;Klaipėda", "cp1257"),  # Lithuanian
        ("OÜ Tšehhi Žürii Põld;Pärnu;Võru Türi", "cp1257"),  # Estonian with š, ž
        ("OÜ Põltsamaa Õun;Pärnu;Võru Türi Ööbik", "latin-1"),  # Estonian without š, ž
    ],
)
def test_encoding_is_chosen_by_the_letters(tmp_path, name, encoding):
    text = f"organisation;town;place;n\n{name};1\n"
    got = read_table(write(tmp_path, "enc.csv", text, encoding=encoding), report=False)
    assert ";".join(got.iloc[0, :3]) == name
    assert got.attrs["encoding"] != "utf-8"


def test_danish_latin1_is_not_read_as_baltic(tmp_path):
    path = write(tmp_path, "dk.csv", "navn;by;n\nSmørrebrød ApS;Ærøskøbing;1\n", "latin-1")
    got = read_table(path, report=False)
    assert got["navn"].tolist() == ["Smørrebrød ApS"]
    assert got.attrs["encoding"] in ("cp1252", "latin-1")


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_utf8_with_and_without_bom(tmp_path, bom):
    text = bom + "organisation;n\nSmørrebrød ApS;1\nSIA Ķekava;2\nOÜ Tšehhi;3\n"
    got = read_table(write(tmp_path, "u8.csv", text), report=False)
    assert got["organisation"].tolist() == ["Smørrebrød ApS", "SIA Ķekava", "OÜ Tšehhi"]
    assert got.attrs["encoding"] == "utf-8"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CourseInputError, match=r"'photo.csv' holds binary data, not a text file"):
        read_table(path)
    zipped = tmp_path / "book.csv"
    zipped.write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    with pytest.raises(CourseInputError, match=r"probably an Excel workbook: rename it to .xlsx"):
        read_table(zipped)
