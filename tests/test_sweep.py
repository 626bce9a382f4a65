"""One sweep of bad input over every public function of the four subject packages.

A member register, a KPI sheet or a trade extract brings the same few slips: a blank key, a
total row beside its parts, a missing value, a row twice, numbers stored as text, no rows at
all. For each public function and each slip, the sweep asserts one of three outcomes:

- a :class:`~course.checks.CourseInputError` (a message for the learner), or
- a warning of the course's own that the clean table does not give, or
- every other row's result unchanged and no row lost or invented: the result equals the
  result on the clean table (for an added row) or on the table without the spoilt row.

Anything else fails: a bare pandas error, or a silently different number. A new public
function joins the sweep by its signature: its table is the course dataset that has the
columns its parameters name by default, and its other arguments come from ``ARGUMENTS`` by
parameter name. A function the sweep cannot call fails ``test_every_public_function_is_swept``
with the name of the argument to add.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

from course import data, economics, segmentation, valuechain
from course.checks import CourseInputError

SUBJECTS = ("economics", "segmentation", "valuechain", "benchmarking")


# --------------------------------------------------------------------------------------
# The tables and arguments, chosen by signature
# --------------------------------------------------------------------------------------


@functools.cache
def course_tables() -> dict[str, pd.DataFrame]:
    """The course datasets a function may take as its table, small enough to sweep fast."""
    employment = data.load("regional_employment")
    employment = employment[employment["year"].isin([2013, 2023])]
    by_category = economics.aggregate_to_categories(employment, data.load("cluster_categories"))
    benchmark = data.load("benchmarking")
    return {
        "regional_employment": employment.reset_index(drop=True),
        "category_employment": by_category,
        "cluster_members": data.load("cluster_members"),
        "trade": data.load("trade"),
        "benchmarking": benchmark.reset_index(drop=True),
    }


# The rows that identify a record in each table (datasets/datapackage.json's primary keys).
KEYS = {
    "regional_employment": ["region", "industry", "year"],
    "category_employment": ["region", "category", "year"],
    "cluster_members": ["member_id"],
    "trade": ["member_id", "partner", "year"],
    "benchmarking": ["organisation", "round", "indicator"],
}
ONE_YEAR = {
    "regional_employment": 2023,
    "category_employment": 2023,
    "trade": 2023,
    "benchmarking": 2023,
}


@functools.cache
def io():
    return valuechain.io_accounts(data.load("io_table"))


# Arguments other than the table, by parameter name. Extend this when a new function needs one.
ARGUMENTS = {
    "start": lambda table: 2019 if table == "trade" else 2013 if table != "benchmarking" else 2021,
    "end": lambda table: 2023,
    "of": lambda table: "member_type",
    "features": lambda table: ["employees", "turnover_eur"],
    "target": lambda table: "food",
    "organisation_id": lambda table: "lv_it",
    "area": lambda table: "achievements",
    "targets": lambda table: {"members_total": 60},
    "categories": lambda table: data.load("cluster_categories"),
    "region_code": lambda table: "LV008",
    "members": lambda table: data.load("cluster_members"),
    "trade": lambda table: data.load("trade"),
    "benchmark": lambda table: data.load("benchmarking"),
}
OVER_TIME = {"start", "end"}
# Each subject's own tables, first among equals when the named columns fit several.
SUBJECT_TABLES = {
    "economics": ["regional_employment", "category_employment"],
    "segmentation": ["cluster_members"],
    "valuechain": ["cluster_members"],
    "benchmarking": ["benchmarking", "trade", "cluster_members"],
}
# A first parameter named after what it holds says which table it is.
TABLE_NAMES = {
    "employment": "regional_employment",
    "members": "cluster_members",
    "trade": "trade",
    "benchmark": "benchmarking",
}

# Functions that take no table, or take the result of another function rather than a table
# a learner brings (swept through the function that makes it).
NO_TABLE = {
    "nace_table", "five_forces_scorecard", "value_chain_stages", "indicator_catalogue",
    "baltic_mrio", "value_chain_graph", "five_forces", "attractiveness", "kpi_status",
    "segment_profile",
}  # fmt: skip
# Input-output functions take a square matrix: swept by MATRIX_SLIPS below.
MATRIX_FIRST = {"Z", "A", "L", "accounts", "table"}


def public_functions():
    for subject in SUBJECTS:
        module = importlib.import_module(f"course.{subject}")
        for name in module.__all__:
            function = getattr(module, name)
            if inspect.isfunction(function) and name not in NO_TABLE:
                yield f"{subject}.{name}", function


def _named_columns(function) -> set[str]:
    """The column names a function's parameters name by default."""
    names = set()
    for parameter in inspect.signature(function).parameters.values():
        default = parameter.default
        if isinstance(default, str):
            names.add(default)
        elif isinstance(default, tuple | list) and all(isinstance(d, str) for d in default):
            names.update(default)
    return names


def table_for(function) -> str | None:
    """The course dataset with the columns the function names by default (None: a matrix)."""
    first = next(iter(inspect.signature(function).parameters))
    if first in MATRIX_FIRST:
        return None
    if first in TABLE_NAMES:
        return TABLE_NAMES[first]
    wanted = _named_columns(function)
    tables = course_tables()
    subject = function.__module__.split(".")[1]
    order = [*SUBJECT_TABLES[subject], *tables]
    # the table with most of the named columns; on a tie the subject's own first
    best = max(dict.fromkeys(order), key=lambda name: len(wanted & set(tables[name].columns)))
    assert wanted & set(tables[best].columns), f"no course table has any of {sorted(wanted)}"
    return best


def caller(function, table_name: str):
    """A function of the table alone: the other required arguments filled in by name."""
    parameters = list(inspect.signature(function).parameters.values())[1:]
    kwargs, args = {}, []
    for parameter in parameters:
        optional = parameter.default is not parameter.empty or parameter.kind in (
            parameter.VAR_POSITIONAL,
            parameter.VAR_KEYWORD,
        )
        if optional and parameter.name not in OVER_TIME:
            continue
        if parameter.name not in ARGUMENTS:
            raise AssertionError(
                f"{function.__name__}: the sweep has no value for {parameter.name!r}: add one "
                "to ARGUMENTS in tests/test_sweep.py"
            )
        value = ARGUMENTS[parameter.name](table_name)
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return lambda table: function(table, *args, **kwargs)


def prepared(function, table_name: str) -> pd.DataFrame:
    """The table the sweep spoils: one year of it unless the function compares years, and
    one cluster of it unless the function groups by cluster (``by=``)."""
    table = course_tables()[table_name]
    parameters = inspect.signature(function).parameters
    if table_name in ONE_YEAR and not OVER_TIME & set(parameters):
        table = table[table["year"] == ONE_YEAR[table_name]]
    by = parameters["by"].default if "by" in parameters else None
    if "cluster" in table.columns and by is None:
        table = table[table["cluster"] == "lv_food"]
    return table


# --------------------------------------------------------------------------------------
# Outcomes
# --------------------------------------------------------------------------------------


def _course_warnings(caught) -> set[str]:
    return {
        str(w.message)
        for w in caught
        if w.category.__module__.startswith("course") or "course" in w.filename
    }


def run(call, table):
    """(result or the error, the course warnings it gave)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call(table)
        except CourseInputError as error:
            return error, _course_warnings(caught)
    return result, _course_warnings(caught)


def _frames(result) -> list[pd.DataFrame]:
    """The tables inside a result, to compare: a frame, a series, or a dataclass's tables."""
    if isinstance(result, pd.DataFrame):
        return [result]
    if isinstance(result, pd.Series):
        return [result.to_frame()]
    if dataclasses.is_dataclass(result):
        fields = [getattr(result, f.name) for f in dataclasses.fields(result)]
        return [f if isinstance(f, pd.DataFrame) else f.to_frame() for f in fields
                if isinstance(f, pd.DataFrame | pd.Series)]  # fmt: skip
    return []


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows in an order of their own keys, to compare results that aggregate."""
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    keys = [c for c in frame.columns if not pd.api.types.is_float_dtype(frame[c])]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if keys else frame


def assert_unchanged_elsewhere(result, expected):
    """Every result row the slip does not concern is as expected; none lost, none added.

    A function that adds a column to each row keeps the spoilt row's label: that one row is
    left out of the comparison. A function that aggregates is compared group by group.
    """
    for got, want in zip(_frames(result), _frames(expected), strict=True):
        rowwise = got.index.is_unique and want.index.isin(got.index).all()
        if rowwise and len(got) == len(want) + 1:
            got = got.loc[want.index]
        if rowwise and len(got) == len(want):
            pd.testing.assert_frame_equal(got, want.loc[got.index], check_dtype=False, rtol=1e-9)
        else:
            pd.testing.assert_frame_equal(
                _sorted(got), _sorted(want), check_dtype=False, check_index_type=False, rtol=1e-9
            )


# --------------------------------------------------------------------------------------
# The slips
# --------------------------------------------------------------------------------------

BLANKS = [np.nan, "", "  "]


def _key_columns(table_name: str, function) -> list[str]:
    """The text columns that identify or group rows: the table's keys and those the function
    names, except its measured ``value`` (a blank list of services used is a value: none)."""
    table = course_tables()[table_name]
    value = inspect.signature(function).parameters.get("value")
    named = _named_columns(function) & set(table.columns) - {getattr(value, "default", None)}
    keys = set(KEYS[table_name]) | named
    return sorted(c for c in keys if not pd.api.types.is_numeric_dtype(table[c]))


def _value_columns(table_name: str, function) -> list[str]:
    table = course_tables()[table_name]
    named = _named_columns(function) & set(table.columns)
    return sorted(c for c in named if pd.api.types.is_float_dtype(table[c])
                  or pd.api.types.is_integer_dtype(table[c]) and c != "year")  # fmt: skip


def _code_columns(table_name: str) -> list[str]:
    table = course_tables()[table_name]
    return [c for c in ("region", "industry", "partner", "country") if c in table.columns]


def _slips(table_name: str, function):
    """(name, spoilt table, how its result should compare with the clean one's, or None)."""
    table = prepared(function, table_name)
    row = table.index[len(table) // 3]  # a row in the middle, not the first
    yield "empty table", table.iloc[:0], None
    for column in _key_columns(table_name, function):
        for blank in BLANKS:
            spoilt = table.astype({column: object}).copy()
            spoilt.loc[row, column] = blank
            yield f"blank {column} {blank!r}", spoilt, ("removed", row)
    for column in _code_columns(table_name):
        total = table.loc[[row]].copy()
        total[column] = "TOTAL" if column != "partner" else "WORLD"
        total.index = [table.index.max() + 1]
        yield f"total row in {column}", pd.concat([table, total]), ("added", total.index[0])
    for column in _value_columns(table_name, function):
        spoilt = table.copy()
        spoilt[column] = spoilt[column].astype(float)
        spoilt.loc[row, column] = np.nan
        yield f"missing {column}", spoilt, ("removed", row)
        yield f"{column} as text", table.astype({column: str}), ("same", None)
    twice = table.loc[[row]].copy()
    twice.index = [table.index.max() + 1]
    yield "a row twice", pd.concat([table, twice]), ("added", twice.index[0])


def _cases():
    cases = []
    for name, function in public_functions():
        table_name = table_for(function)
        if table_name is None:
            continue
        for slip, _, _ in _slips(table_name, function):
            cases.append(pytest.param(name, slip, id=f"{name}: {slip}"))
    return cases


def _function(name: str):
    subject, function = name.split(".")
    return getattr(importlib.import_module(f"course.{subject}"), function)


def test_every_public_function_is_swept():
    for _name, function in public_functions():
        table_name = table_for(function)
        if table_name is not None:
            caller(function, table_name)(prepared(function, table_name))


@pytest.mark.parametrize(("name", "slip"), _cases())
def test_a_slip_in_a_table_gives_an_error_a_warning_or_the_same_numbers(name, slip):
    function = _function(name)
    table_name = table_for(function)
    call = caller(function, table_name)
    spoilt, reference = next((t, r) for s, t, r in _slips(table_name, function) if s == slip)
    clean = prepared(function, table_name)
    baseline, baseline_warnings = run(call, clean)
    assert not isinstance(baseline, Exception), baseline
    result, caught = run(call, spoilt)
    if isinstance(result, CourseInputError):
        assert str(result).startswith(function.__name__) or ":" in str(result)
        return
    if reference is None:
        pytest.fail(f"{name} on an empty table gave a result instead of a CourseInputError")
    if caught - baseline_warnings:
        return  # the learner was told
    how, label = reference
    expected = run(call, clean.drop(index=label))[0] if how == "removed" else baseline
    assert_unchanged_elsewhere(result, expected)


# --------------------------------------------------------------------------------------
# Input-output tables
# --------------------------------------------------------------------------------------


def _matrix_call(name: str):
    accounts = io()
    A = valuechain.technical_coefficients(accounts.Z, accounts.x)
    calls = {
        "technical_coefficients": lambda Z, x, s: valuechain.technical_coefficients(Z, x),
        "allocation_coefficients": lambda Z, x, s: valuechain.allocation_coefficients(Z, x),
        "ghosh_inverse": lambda Z, x, s: valuechain.ghosh_inverse(Z, x),
        "linkages": lambda Z, x, s: valuechain.linkages(Z, x),
        "leontief_inverse": lambda Z, x, s: valuechain.leontief_inverse(
            valuechain.technical_coefficients(Z, x)
        ),
        "suppliers": lambda Z, x, s: valuechain.suppliers(Z, x, "food"),
        "buyers": lambda Z, x, s: valuechain.buyers(Z, x, "food"),
    }
    del A
    return calls.get(name)


def _matrix_slips():
    accounts = io()
    Z, x = accounts.Z.copy(), accounts.x.copy()
    nan = Z.copy()
    nan.iloc[2, 3] = np.nan
    yield "a missing cell", nan, x
    text = Z.astype(object)
    text.iloc[2, 3] = "1 234,5"
    yield "a cell as text", text, x
    total = Z.copy()
    total.loc["total"] = Z.sum()
    total["total"] = total.sum(axis=1)
    yield "a total row and column", total, pd.concat([x, pd.Series({"total": x.sum()})])
    idle = Z.copy()
    idle.loc["idle"] = 0.0
    idle["idle"] = 0.0
    yield "a sector with no output", idle, pd.concat([x, pd.Series({"idle": 0.0})])
    yield "an empty table", Z.iloc[:0, :0], x.iloc[:0]


MATRIX_FUNCTIONS = [
    "technical_coefficients", "allocation_coefficients", "ghosh_inverse", "linkages",
    "leontief_inverse", "suppliers", "buyers",
]  # fmt: skip


@pytest.mark.parametrize("slip", [s for s, _, _ in _matrix_slips()])
@pytest.mark.parametrize("name", MATRIX_FUNCTIONS)
def test_a_slip_in_an_io_table_gives_an_error_or_a_warning(name, slip):
    call = _matrix_call(name)
    Z, x = next((z, v) for s, z, v in _matrix_slips() if s == slip)
    result, caught = run(lambda _: call(Z, x, None), None)
    assert isinstance(result, CourseInputError) or caught, f"{name}: {slip} passed silently"


def test_every_matrix_function_of_valuechain_is_swept():
    def first_parameter(name):
        return next(iter(inspect.signature(getattr(valuechain, name)).parameters), None)

    matrix_functions = {
        name
        for name in valuechain.__all__
        if inspect.isfunction(getattr(valuechain, name)) and first_parameter(name) in {"Z", "A"}
    }
    gvc = {"value_added_in_exports", "gvc_participation"}  # a multi-region table: tested apart
    assert matrix_functions - gvc <= {*MATRIX_FUNCTIONS, "output_multipliers"}, matrix_functions


def test_the_member_table_sweep_uses_the_segmentation_defaults():
    # the signature rule picks the member register for sme_class: a guard against a rename
    assert table_for(segmentation.sme_class) == "cluster_members"
