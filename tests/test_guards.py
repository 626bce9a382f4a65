"""The shared guards of course/_guards.py."""

from __future__ import annotations

import inspect
import warnings

import pytest

from course._guards import renamed_keywords
from course.checks import CourseInputError


@renamed_keywords(top="n", region="region_code")
def _pick(table, *, n: int = 5, region_code: str = "LV008"):
    return n, region_code


@renamed_keywords(FutureWarning, top="n")
def _seen_by_learners(*, n: int = 5):
    return n


def test_a_renamed_keyword_still_works_with_a_deprecation_warning_at_the_caller():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert _pick(None, top=3, region="SE22") == (3, "SE22")
    assert [str(w.message) for w in caught] == [
        "_pick(top=...) is now _pick(n=...): the old name stops working in the next release.",
        "_pick(region=...) is now _pick(region_code=...): the old name stops working in the "
        "next release.",
    ]
    assert {w.category for w in caught} == {DeprecationWarning}
    assert {w.filename for w in caught} == {__file__}  # the learner's line, not the wrapper


def test_the_new_names_give_no_warning_and_the_signature_shows_only_them():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _pick(None, n=2) == (2, "LV008")
    assert list(inspect.signature(_pick).parameters) == ["table", "n", "region_code"]


def test_a_future_warning_where_learners_must_see_it():
    with pytest.warns(FutureWarning):
        assert _seen_by_learners(top=1) == 1


def test_old_and_new_name_together_is_an_error():
    with pytest.raises(CourseInputError, match="pass n= only"):
        _pick(None, top=3, n=4)
