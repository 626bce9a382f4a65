"""course.scoring: reading answers in any form, checks that teach, scores from a fresh process."""

from __future__ import annotations

import importlib.util
import json
import runpy
import sys
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from course import answers, data, economics, scoring
from course.checks import CourseInputError
from course.scoring import Hint

FORM = {"task": 1, "name": "lq_food", "example": "answers.value(lq, 'lq', region=...)"}


@pytest.fixture(scope="module")
def employment():
    return data.load("regional_employment")


# --- any answer as plain JSON ----------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        3.6,
        np.float64(3.6),
        np.float32(3.5),
        np.int64(7),
        "LV008",
        None,
        True,
        [1, "a"],
        (1, 2),
        {"b", "a"},
        pd.Index(["food"]),
        np.array([1.5, 2.5]),
        pd.Series([1.0, np.nan], index=["x", "y"], name="lq"),
        pd.DataFrame({"region": ["LV008"], "lq": [3.6]}),
        {"national_share": np.float64(1.0), "rows": pd.DataFrame({"a": [1]})},
        object(),
    ],
)
def test_plain_is_json_and_plain_python(answer):
    converted = scoring.plain(answer)
    text = json.dumps(converted)  # NaN != NaN, so compare the JSON text
    assert json.dumps(json.loads(text)) == text


def test_plain_keeps_no_numpy_types():
    converted = scoring.plain(pd.DataFrame({"lq": [np.float64(3.6)], "n": [np.int64(2)]}))
    assert converted == {
        "table": {"rows": 1, "columns": ["lq", "n"], "data": {"lq": [3.6], "n": [2]}}
    }
    assert type(converted["table"]["data"]["n"][0]) is int
    assert scoring.plain({"a", "b", "c"}) == {"list": ["a", "b", "c"]}  # sorted: deterministic


# --- one number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        3.6,
        np.float64(3.6),
        [3.6],
        (3.6,),
        pd.Series([3.6]),
        pd.Series({"region": "LV008", "lq": 3.6}),  # a row of a table
        pd.DataFrame({"region": ["LV008"], "industry": ["C10"], "lq": [3.6]}),
        pd.DataFrame({"value": [3.6]}),
        {"lq": 3.6},
    ],
)
def test_a_number_in_any_reasonable_form(answer):
    assert scoring.number(answer, column="lq", **FORM) == pytest.approx(3.6)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            "3.6",
            "lq_food is the text '3.6': give one number without quotes, e.g. lq_food = answers",
        ),
        (pd.DataFrame({"lq": [1.0, 2.0]}), "is a table with 2 rows: give one number, e.g."),
        (pd.DataFrame({"lq": []}), "an empty table (no row matches your filters: check the codes)"),
        (pd.DataFrame({"a": [1], "b": [2]}), "a one-row table without a column 'lq'"),
        ([1.0, 2.0], "a list of 2 values: give one number"),
        (float("nan"), "not a number (NaN or infinite)"),
        (True, "is True: give one number"),
    ],
)
def test_a_number_that_cannot_be_read_says_how_to_fix_it(answer, message):
    with pytest.raises(Hint) as raised:
        scoring.number(answer, column="lq", **FORM)
    assert message in str(raised.value)
    assert str(raised.value).startswith("Task 1: lq_food is ")
    assert "should be one number" not in str(raised.value)


# --- several numbers, a list of codes, one code ------------------------------------------------

PARTS = ["national_share", "industry_mix", "regional_shift"]
ROW = {"national_share": 785.3, "industry_mix": 6264.7, "regional_shift": 2196.0}


@pytest.mark.parametrize(
    "answer",
    [
        ROW,
        pd.DataFrame(
            {"region": ["EE001"], "total_change": [9246.0], **{k: [v] for k, v in ROW.items()}}
        ),
        pd.Series(ROW),
        list(ROW.values()),
        tuple(np.float64(v) for v in ROW.values()),
    ],
)
def test_named_numbers_in_any_reasonable_form(answer):
    assert scoring.numbers(answer, PARTS, task=3, name="shift", example="the row") == ROW


def test_named_numbers_say_which_one_is_missing():
    with pytest.raises(Hint, match="a dict without the key 'regional_shift'"):
        scoring.numbers(
            {"national_share": 1, "industry_mix": 2}, PARTS, task=3, name="s", example="x"
        )
    with pytest.raises(Hint, match="a table with 3 rows"):
        scoring.numbers(pd.DataFrame(ROW, index=[0, 1, 2]), PARTS, task=3, name="s", example="x")


@pytest.mark.parametrize("answer", [2196.0, np.float64(2196.0), pd.Series([2196.0])])
def test_one_number_is_not_all_the_parts(answer):
    # never the same number read three times, as if it were each part
    example = "the one-row result of economics.shift_share or a dict with national_share, ..."
    with pytest.raises(Hint, match=f"give all three parts: {example}") as raised:
        scoring.numbers(answer, PARTS, task=3, name="shift", example=example)
    assert str(raised.value).startswith("Task 3: shift is ")


CATS = pd.DataFrame({"category": ["wood", "energy", "wood"], "strong": [True, True, True]})


@pytest.mark.parametrize(
    "answer",
    [
        ["energy", "wood"],
        ("wood", "energy"),
        {"energy", "wood"},
        pd.Index(["energy", "wood"]),
        np.array(["wood", "energy"]),
        CATS["category"],  # a column of the filtered rows
        CATS,  # the filtered rows themselves
        CATS[["category"]],
    ],
)
def test_a_list_of_codes_in_any_reasonable_form(answer):
    assert scoring.items(answer, task=4, name="strong", column="category", example="[...]") == [
        "energy",
        "wood",
    ]


def test_a_list_of_codes_that_cannot_be_read():
    with pytest.raises(Hint, match="is one text, 'energy': give a list of category ids"):
        scoring.items("energy", task=4, name="strong", column="category", example="['energy']")
    with pytest.raises(Hint, match="a table without a column 'category'"):
        scoring.items(
            CATS.rename(columns={"category": "c"}), task=4, name="s", column="category", example="x"
        )
    with pytest.raises(Hint, match="holds 3, which is not a category id"):
        scoring.items([3], task=4, name="s", column="category", example="x")


@pytest.mark.parametrize(
    "answer",
    [
        "EE00A",
        " EE00A",
        ["EE00A"],
        pd.Series(["EE00A"]),
        pd.DataFrame({"region": ["EE00A"], "krugman": [0.47]}),
    ],
)
def test_one_code_in_any_reasonable_form(answer):
    assert scoring.text(answer, task=6, name="r", column="region", example="'LV008'") == "EE00A"


def test_one_code_that_is_a_table_of_many_rows():
    with pytest.raises(Hint, match="a table with 2 rows: give one region code as text"):
        scoring.text(
            pd.DataFrame({"region": ["A", "B"]}),
            task=6,
            name="r",
            column="region",
            example="'LV008'",
        )


# --- visible checks -------------------------------------------------------------------------


def test_an_unanswered_task_says_so_instead_of_a_name_error():
    with pytest.raises(Hint) as raised:
        scoring.answer({}, "tallinn_it_shift", task=3)
    message = str(raised.value)
    assert message.startswith(
        "Task 3 is not answered yet: the variable tallinn_it_shift is not defined.\n"
        "Write tallinn_it_shift = ... (this name, on the left of =) in the answer cell above"
    )
    assert "If that cell showed a red error, fix that first" in message
    assert "NotImplementedError" not in message  # the learner may have replaced it long ago
    assert scoring.answer({"x": [1]}, "x", task=3) == [1]


def _a_cell_that_failed(error, monkeypatch):
    # what IPython keeps of the cell run before the check cell: its result, with its error
    result = SimpleNamespace(error_before_exec=None, error_in_exec=error)
    if isinstance(error, SyntaxError):
        result = SimpleNamespace(error_before_exec=error, error_in_exec=None)
    shell = SimpleNamespace(last_execution_result=result)
    monkeypatch.setitem(sys.modules, "IPython", SimpleNamespace(get_ipython=lambda: shell))


def _typo():
    try:
        answers.value(pd.DataFrame({"region": ["LV008"], "lq": [3.6]}), "lq", region="LV08")
    except CourseInputError as error:
        return error


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (
            NameError("name 'lq' is not defined"),
            "a red error: NameError: name 'lq' is not defined (a code without quotes, or a "
            "name not defined yet). Fix that first",
        ),
        (_typo(), "a red error: CourseInputError: value: no row has region='LV08'"),
        (_typo(), "Did you mean 'LV008'?"),
        (
            SyntaxError("unterminated string literal", ("<cell>", 2, 5, "x")),
            "SyntaxError: unterminated string literal (line 2 of the cell) (often a missing",
        ),
        (
            NotImplementedError(),
            "stopped at raise NotImplementedError(): replace that line with your code.",
        ),
    ],
)
def test_an_unanswered_task_quotes_the_error_of_the_answer_cell(error, says, monkeypatch):
    _a_cell_that_failed(error, monkeypatch)
    with pytest.raises(Hint) as raised:
        scoring.answer({}, "lq_vidzeme_food", task=1)
    message = str(raised.value)
    assert message.startswith("Task 1 is not answered yet: the variable lq_vidzeme_food")
    assert says in message
    assert "If that cell showed a red error" not in message  # the error is known: say it


def test_an_answer_above_a_failing_line_passes_with_a_note(monkeypatch, capsys):
    _a_cell_that_failed(NotImplementedError(), monkeypatch)
    assert scoring.answer({"region": "EE00A"}, "region", task=6) == "EE00A"
    assert scoring.answer({"other": 1}, "other", task=6) == 1  # the same cell: one note only
    note = capsys.readouterr().out
    assert note.count("Note") == 1
    assert " ".join(note.split()) == (
        "Note (task 6): the cell run just before this one stopped with a red error, "
        "NotImplementedError. The checks use your answer as it is now; delete the line "
        "raise NotImplementedError(), so that Restart and Run All gives the same."
    )
    assert max(len(line) for line in note.splitlines()) <= scoring.WIDTH


def test_a_hint_shows_as_short_lines_without_a_traceback():
    # nbgrader validate prints each line of an error indented by 4 and cuts it at 87 characters
    hint = Hint("Task 3: key words first.\n" + "details and more details " * 10)
    lines = hint._render_traceback_()
    assert lines[0] == "Hint: Task 3: key words first."
    assert max(len(line) for line in lines) <= scoring.WIDTH <= 83
    assert " ".join(" ".join(lines[1:]).split()) == " ".join(
        ("details and more details " * 10).split()
    )


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (0.98, "0.98 looks like growth over ten years, not a yearly rate"),
        (7.08, "7.08 looks like a percentage or growth over ten years"),
        (-0.45, "-0.45 looks like growth over ten years"),
    ],
)
def test_a_rate_that_is_not_yearly(rate, message):
    with pytest.raises(Hint, match=message):
        scoring.check_yearly_rate(rate, task=5, name="cagr", years=10)


def test_a_yearly_rate_passes():
    scoring.check_yearly_rate(0.0708, task=5, name="cagr", years=10)
    scoring.check_yearly_rate(-0.02, task=5, name="cagr", years=10)
    scoring.check_yearly_rate(0.0708, task=5, name="cagr", years=10, total=0.982)


def test_total_growth_divided_by_the_years_is_not_the_compound_rate():
    with pytest.raises(Hint) as raised:
        scoring.check_yearly_rate(0.0982, task=5, name="cagr", years=10, total=0.982)
    message = str(raised.value)
    assert message.startswith("Task 5: 0.0982 is the total growth divided by 10")
    assert "it is not the compound rate" in message
    assert "0.0708" not in message and "0.071" not in message  # the right rate is not given


def test_shift_share_checks(employment):
    shifts = economics.shift_share(employment, start=2013, end=2023)
    row = shifts[(shifts["region"] == "EE001") & (shifts["industry"] == "J62")].iloc[0]
    right = {p: float(row[p]) for p in PARTS}
    where = {"region": "EE001", "industry": "J62", "start": 2013, "end": 2023, "task": 3}
    scoring.check_shift_share(right, employment, **where)
    swapped = {
        **right,
        "national_share": right["industry_mix"],
        "industry_mix": right["national_share"],
    }
    with pytest.raises(
        Hint, match="the numbers are right but some are in the wrong place"
    ) as raised:
        scoring.check_shift_share(swapped, employment, **where)
    assert f"{right['national_share']:.0f}" not in str(raised.value)  # no number given away
    with pytest.raises(Hint, match="add up to 3, not to the change in employment"):
        scoring.check_shift_share(dict.fromkeys(PARTS, 1.0), employment, **where)


def test_largest_check_does_not_name_the_answer():
    table = pd.DataFrame({"region": ["A", "B", "C"], "krugman": [0.2, np.nan, 0.5]})
    scoring.check_largest("C", table, column="krugman", key="region", task=6, what="the index")
    with pytest.raises(Hint) as raised:
        scoring.check_largest("A", table, column="krugman", key="region", task=6, what="the index")
    assert "'C'" not in str(raised.value) and "answers.top" in str(raised.value)
    with pytest.raises(Hint, match="'Z' is not a region of the table"):
        scoring.check_largest("Z", table, column="krugman", key="region", task=6, what="the index")
    with pytest.raises(Hint, match=r"e\.g\. answers\.top\(krugman, 'krugman', n=1\), rather"):
        scoring.check_largest(
            "A", table, column="krugman", key="region", task=6, what="the index",
            how="answers.top(krugman, 'krugman', n=1)",
        )  # fmt: skip


def test_the_largest_of_the_wrong_table_gets_its_own_hint():
    nace = pd.DataFrame({"region": ["A", "B", "C"], "krugman": [0.2, 0.3, 0.5]})
    by_category = pd.DataFrame({"region": ["A", "B", "C"], "krugman": [0.2, 0.6, 0.5]})
    mixups = [(by_category, "use NACE divisions (the table in_2023), not cluster categories")]
    where = {"column": "krugman", "key": "region", "task": 6, "what": "the index"}
    with pytest.raises(Hint, match="^Task 6: use NACE divisions .the table in_2023., not cluster"):
        scoring.check_largest("B", nace, mixups=mixups, **where)
    with pytest.raises(Hint, match="'A' does not have the largest value"):
        scoring.check_largest("A", nace, mixups=mixups, **where)
    scoring.check_largest("C", nace, mixups=mixups, **where)


def test_the_list_of_another_region():
    rows = pd.DataFrame(
        {
            "region": ["LV005", "LV005", "LV008", "LV008", "EE001"],
            "region_name": ["Latgale", "Latgale", "Vidzeme", "Vidzeme", "Põhja-Eesti"],
            "category": ["wood", "plastics", "wood", "food", "it"],
        }
    )
    where = {"column": "category", "region": "LV005", "task": 2, "asked": "Latgale (LV005)"}
    with pytest.raises(Hint) as raised:
        scoring.check_other_region(["food", "wood"], rows, **where)
    assert str(raised.value).startswith("Task 2: this is the list of Vidzeme (LV008), not of")
    assert str(raised.value).endswith("The task asks for Latgale (LV005).")
    assert "plastics" not in str(raised.value)  # the right list is not given away
    scoring.check_other_region(["plastics", "wood"], rows, **where)  # right
    scoring.check_other_region(["wood"], rows, **where)  # wrong, but no other region's list
    scoring.check_other_region([], rows, **where)


def test_a_local_category_among_traded_ones():
    with pytest.raises(Hint, match="^Task 4: construction is a local category"):
        scoring.check_none_of(
            ["energy", "construction"], {"construction"}, "{item} is a local category", task=4
        )
    scoring.check_none_of(["energy"], {"construction"}, "{item} is a local category", task=4)


# --- scores ---------------------------------------------------------------------------------


def test_score_numbers_shares_the_points():
    expected = {"a": 100.0, "b": 8.0, "c": -3.0}
    assert scoring.score_numbers({"a": 100.05, "b": 8, "c": -3}, expected, points=3) == 3
    assert scoring.score_numbers({"a": 100.05, "b": 7, "c": 3}, expected, points=3) == 1
    assert (
        scoring.score_numbers(
            {"a": float("nan"), "b": 8, "c": -3}, {**expected, "a": float("nan")}, points=3
        )
        == 2
    )


def test_score_set_cancels_a_right_item_with_a_wrong_one():
    assert scoring.score_set(["a", "b"], {"a", "b"}, points=2) == 2
    assert scoring.score_set(["a", "x"], {"a", "b"}, points=2) == 0
    assert scoring.score_set(["a", "b", "c", "d", "e"], {"a", "b"}, points=2) == 0
    assert scoring.score_set([], {"a", "b"}, points=2) == 0


# --- in a fresh process ----------------------------------------------------------------------

LQ_CODE = """
t = load("regional_employment")
t = t[t["year"] == 2023]
e = lambda mask: t.loc[mask, "employment"].sum()
lq = (e((t["region"] == "LV008") & (t["industry"] == "C10")) / e(t["region"] == "LV008")) / (
    e(t["industry"] == "C10") / t["employment"].sum()
)
expected = {"wide": lq, "other": 1.0}
"""


LQ_REQUEST = dict(
    task=1,
    points=2,
    kind="numbers",
    name="the LQs",
    column="lq",
    answer={"wide": 1.5, "other": 1.0},
    expected=LQ_CODE,
)
# the honest answer to LQ_CODE: "wide" wrong, "other" right


@pytest.fixture(scope="module")
def right_lq():
    employment = data.load("regional_employment")
    lq = economics.location_quotient(employment[employment["year"] == 2023])
    return lq[(lq["region"] == "LV008") & (lq["industry"] == "C10")]


def _fresh():
    # what a hidden test cell does: a fresh copy of the file, not the module in sys.modules
    return runpy.run_path(importlib.util.find_spec("course.scoring").origin)


def test_fresh_process_scores_and_gives_a_one_line_reason(right_lq, capsys):
    score = _fresh()["score_in_fresh_process"](
        task=1,
        points=2,
        kind="numbers",
        name="the LQs",
        column="lq",
        answer={"wide": right_lq, "other": np.float64(2.0)},
        hints={"other": "use Latvia as the reference area"},
        expected=LQ_CODE,
    )
    assert score == 1
    assert capsys.readouterr().out == (
        "Task 1 (1 of 2 points): wide is right; other is off: use Latvia as the reference area.\n"
    )


def test_fresh_process_reads_sets_and_codes(capsys):
    score_in = _fresh()["score_in_fresh_process"]
    code = "expected = {'energy', 'it'}"
    assert (
        score_in(
            task=4,
            points=2,
            kind="set",
            name="s",
            column="category",
            answer=pd.Series(["energy", "it"]),
            expected=code,
        )
        == 2
    )
    assert (
        score_in(
            task=4,
            points=2,
            kind="set",
            name="s",
            column="category",
            answer=["energy", "food"],
            expected=code,
            hints={"set": "traded only"},
        )
        == 0
    )
    assert (
        score_in(
            task=6,
            points=1,
            kind="text",
            name="r",
            column="region",
            answer=pd.DataFrame({"region": ["EE00A"]}),
            expected="expected = 'EE00A'",
        )
        == 1
    )
    assert capsys.readouterr().out.splitlines() == [
        "Task 4 (full marks): 2 of 2 found.",
        "Task 4 (0 of 2 points): 1 of 2 found, 1 listed that should not be: traded only.",
        "Task 6 (full marks): right.",
    ]


def test_an_answer_that_cannot_be_read_scores_zero_with_the_reason(capsys):
    score = _fresh()["score_in_fresh_process"](
        task=5,
        points=2,
        kind="numbers",
        name="cagr",
        column="cagr",
        answer="0.07",
        expected="expected = {'cagr': 0.07}",
    )
    assert score == 0
    assert (
        "Task 5: cagr is the text '0.07': give one number without quotes" in capsys.readouterr().out
    )


def test_rebinding_in_this_process_or_another_data_folder_changes_nothing(
    right_lq, monkeypatch, tmp_path, capsys
):
    # what an answer cell could do in the kernel; the fresh process does not see any of it
    monkeypatch.setattr(np, "isclose", lambda *args, **kwargs: True)
    monkeypatch.setattr(pd.DataFrame, "sum", lambda self, *args, **kwargs: 1.0)
    monkeypatch.setattr(scoring, "score_numbers", lambda *args, **kwargs: 99)
    monkeypatch.setattr(scoring, "score_in_fresh_process", lambda **kwargs: 99)
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))  # an empty data folder
    (tmp_path / "pandas.py").write_text("raise SystemExit('shadowed')")
    monkeypatch.chdir(tmp_path)
    score = _fresh()["score_in_fresh_process"](**LQ_REQUEST)
    assert score == 1  # only the honest point: "other" is right, "wide" is not
    assert "wide is off" in capsys.readouterr().out


@pytest.mark.parametrize("through", ["a new process", "the scoring service"])
def test_a_broken_hidden_test_fails_loudly_not_silently(through, request):
    service = request.getfixturevalue("service") if through == "the scoring service" else None
    with pytest.raises(RuntimeError, match=r"Task 2: the scorer failed \(NameError: .*\); tell"):
        _fresh()["score_in_fresh_process"](
            task=2,
            points=2,
            kind="set",
            name="s",
            column="category",
            answer=["a"],
            expected="expected = undefined_name",
        )
    assert service is None or service.poll() is None  # the service goes on serving


@pytest.fixture()
def service(monkeypatch):
    # what course grade does for each submission: one scoring service, its address in the env
    process, variables = scoring.start_service()
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    yield process
    process.stdin.close()
    process.wait(timeout=10)


def test_the_scoring_service_scores_as_a_new_process_does(service, capsys):
    served = _fresh()["score_in_fresh_process"](**LQ_REQUEST)
    served_out = capsys.readouterr().out
    service.stdin.close()  # without the service the kernel starts a process per task
    service.wait(timeout=10)
    assert service.returncode == 0
    alone = _fresh()["score_in_fresh_process"](**LQ_REQUEST)
    assert (served, served_out) == (alone, capsys.readouterr().out) == (1, served_out)


def test_hidden_code_that_changes_a_table_cannot_change_the_next_task(service, capsys):
    spoil = "t = load('regional_employment'); t['employment'] = 0\nexpected = {'x': 1.0}"
    fresh = _fresh()["score_in_fresh_process"]
    assert fresh(task=9, points=1, kind="numbers", name="x", answer=1.0, expected=spoil) == 1
    assert fresh(**LQ_REQUEST) == 1  # computed on the real table, not the zeroed copy
    assert "wide is off" in capsys.readouterr().out.splitlines()[-1]
