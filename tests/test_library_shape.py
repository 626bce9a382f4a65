"""The library's shape and vocabulary (docs/architecture.md), checked for every module.

Modules 2-4 copy the pattern of module 1: these tests hold each subject module to the same
parameter names and the same refusals of bad input, so that a learner who knows one module
knows how to call the others.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import course
from course import economics as ec
from course.checks import CourseInputError

SUBJECTS = [name for name in ("economics", "segmentation", "valuechain", "benchmarking")
            if importlib.util.find_spec(f"course.{name}") is not None]  # fmt: skip

# The column-naming parameters of docs/architecture.md ("One vocabulary"), plus role-specific ones.
VOCABULARY = {
    "region", "industry", "category", "value", "year", "by", "organisation", "indicator",
    "member", "establishments", "lq", "groups", "employees", "turnover", "balance_sheet",
    "direction", "peers", "stage",
}  # fmt: skip
# Options chosen by a word, not a column (docs/architecture.md, "One vocabulary").
OPTIONS = {"reference", "method", "blank_keys", "guidelines", "chain"}  # chain: which value chain
# Names the review found for the same roles before the vocabulary was fixed.
RETIRED = {"cluster", "employment", "values", "keys", "firm", "time", "geo", "nace"}


def test_star_import_gives_every_listed_module():
    namespace = {}
    exec("from course import *", namespace)
    for name in course.__all__:
        assert name in namespace, name
    assert set(SUBJECTS) <= set(course.__all__)


def test_import_course_lists_only_modules_that_exist():
    for name in course.__all__:
        if name != "__version__":
            assert importlib.util.find_spec(f"course.{name}") is not None, name


def _public_functions(module):
    return [
        (name, getattr(module, name))
        for name in module.__all__
        if inspect.isfunction(getattr(module, name))
    ]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_column_parameters_use_the_course_vocabulary(subject):
    module = importlib.import_module(f"course.{subject}")
    for name, function in _public_functions(module):
        for parameter in inspect.signature(function).parameters.values():
            if parameter.kind is parameter.KEYWORD_ONLY:
                assert parameter.name not in RETIRED, f"{subject}.{name}({parameter.name}=...)"
            names_a_column = parameter.kind is parameter.KEYWORD_ONLY and (
                isinstance(parameter.default, str) or parameter.name == "by"
            )
            if names_a_column and parameter.name not in OPTIONS:
                assert parameter.name in VOCABULARY, f"{subject}.{name}({parameter.name}=...)"


# docs/architecture.md, "Shape": one limit for every file of the library, and one for functions
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80
LIBRARY = Path(course.__file__).parent


def _library_files():
    return sorted(p for p in LIBRARY.rglob("*.py") if "_materials" not in p.parts)


def test_no_library_file_is_longer_than_the_limit():
    # a module that outgrows the limit becomes a package of topic files (as scikit-learn's)
    long = {
        str(p.relative_to(LIBRARY)): n
        for p in _library_files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert not long, f"files over {MAX_FILE_LINES} lines: {long}"


def _code_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of a function's body that hold code: its docstring and blank lines aside."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if not body:
        return 0
    lines = set()
    for statement in body:
        for node in ast.walk(statement):
            if hasattr(node, "lineno"):
                lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return len(lines)


def test_no_library_function_is_longer_than_the_limit():
    long = {}
    for path in _library_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [
            n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        for node in functions:
            if (n := _code_lines(node)) > MAX_FUNCTION_LINES:
                long[f"{path.relative_to(LIBRARY)}:{node.name}"] = n
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines of code: {long}"


def test_the_line_counter_counts_code_not_docstrings():
    source = 'def f():\n    """Doc.\n\n    More doc.\n    """\n    x = 1\n\n    return (x +\n            1)\n'
    assert _code_lines(ast.parse(source).body[0]) == 3


def test_two_measures_never_share_a_column_name():
    regions = pd.DataFrame({"region": ["A", "A", "B"], "industry": ["x", "y", "x"],
                            "employment": [1, 2, 3]})  # fmt: skip
    firms = pd.DataFrame({"member_id": ["a", "b"], "turnover_eur": [1.0, 3.0]})
    structural = set(ec.hhi(regions).columns) - {"region"}
    market = set(ec.market_hhi(firms).columns)
    assert not structural & market


# ---------------------------------------------------------------------------------------------
# Every economics function refuses the same bad inputs, with a message that names the fix
# ---------------------------------------------------------------------------------------------

CELLS = pd.DataFrame(
    {
        "region": np.repeat([f"R{k}" for k in range(12)], 2),
        "industry": ["C10", "J62"] * 12,
        "category": ["food", "it"] * 12,
        "employment": np.arange(24) * 10 + 5,
        "establishments": np.arange(24) + 1,
    }
)
PANEL = pd.concat(
    [CELLS.assign(year=2013), CELLS.assign(year=2023, employment=CELLS["employment"] * 2)]
)

CALLS = {
    "location_quotient": lambda df: ec.location_quotient(df),
    "regional_focus": lambda df: ec.regional_focus(df),
    "hoover_index": lambda df: ec.hoover_index(df),
    "krugman_index": lambda df: ec.krugman_index(df, reference="rest"),
    "hhi": lambda df: ec.hhi(df),
    "entropy": lambda df: ec.entropy(df),
    "star_rating": lambda df: ec.star_rating(df),
    "cluster_strength": lambda df: ec.cluster_strength(df),
    "presence": lambda df: ec.presence(df),
    "proximity": lambda df: ec.proximity(df),
    "relatedness_density": lambda df: ec.relatedness_density(df),
    "aggregate_to_categories": lambda df: ec.aggregate_to_categories(
        df.drop(columns="category"), {"C10": "food", "J62": "it"}
    ),
    "market_hhi": lambda df: ec.market_hhi(
        df.assign(member_id=df["region"] + df["industry"]), value="employment"
    ),
}
OVER_TIME = {
    "growth": lambda df: ec.growth(df, start=2013, end=2023),
    "shift_share": lambda df: ec.shift_share(df, start=2013, end=2023),
}


def test_every_public_economics_function_is_swept():
    assert set(CALLS) | set(OVER_TIME) | {"region_profile"} == set(ec.__all__)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_bad_tables_are_refused_by(name):
    call = CALLS[name]
    call(CELLS)  # the good table works
    with pytest.raises(CourseInputError, match="the table is empty"):
        call(CELLS.iloc[:0])
    with pytest.raises(CourseInputError, match="repeat the same"):
        call(pd.concat([CELLS, CELLS.iloc[:1]]))
    if name == "aggregate_to_categories":
        return  # it adds up within each period: several periods are its normal input
    for column in ("year", "time", "TIME_PERIOD"):
        two_periods = pd.concat([CELLS.assign(**{column: 2013}), CELLS.assign(**{column: 2023})])
        with pytest.raises(CourseInputError, match=f"different values of '{column}'"):
            call(two_periods)


@pytest.mark.parametrize("name", sorted(OVER_TIME))
def test_bad_panels_are_refused_by(name):
    call = OVER_TIME[name]
    good = call(PANEL)
    with pytest.raises(CourseInputError, match="the table is empty"):
        call(PANEL.iloc[:0])
    with pytest.raises(CourseInputError, match="repeat the same"):
        call(pd.concat([PANEL, PANEL.iloc[:1]]))
    with pytest.raises(CourseInputError, match="different values of 'time'"):
        call(pd.concat([PANEL.assign(time=1), PANEL.assign(time=2)]))
    pd.testing.assert_frame_equal(call(PANEL.assign(year=PANEL["year"].astype(str))), good)


def test_the_core_modules_stay_light():
    code = (
        "import sys; from course import answers, checks, data, economics, scoring; "
        "heavy = {'seaborn', 'sklearn', 'pymrio', 'ipywidgets', 'matplotlib', 'nbgrader'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
