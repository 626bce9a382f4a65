"""Tests of course.valuechain's input-output functions against independent computations.

Independent means: a textbook example with published answers (Miller & Blair 2009), pymrio's
own computation and published reference values on its test system, and numpy written the
long way (explicit inverses, power series, loops) instead of the library's solves.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from course import data
from course import valuechain as vc
from course.checks import CourseInputError

# Miller & Blair (2009), Input-Output Analysis, 2nd ed., section 2.3: two sectors
MB_SECTORS = ["agriculture", "manufacturing"]
MB_Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=MB_SECTORS, columns=MB_SECTORS)
MB_X = pd.Series([1000.0, 2000.0], index=MB_SECTORS)
MB_FINAL = pd.Series([350.0, 1700.0], index=MB_SECTORS)


@pytest.fixture(scope="module")
def io():
    return vc.io_accounts(data.load("io_table"))


@pytest.fixture(scope="module")
def pymrio_test():
    pymrio = pytest.importorskip("pymrio")
    system = pymrio.load_test()
    system.calc_all()
    return system


# ---------------------------------------------------------------------------------------------
# Textbook example with known answers
# ---------------------------------------------------------------------------------------------


def test_miller_blair_two_sector_example():
    A = vc.technical_coefficients(MB_Z, MB_X)
    np.testing.assert_allclose(A.to_numpy(), [[0.15, 0.25], [0.20, 0.05]])
    L = vc.leontief_inverse(A)
    # published: L = [[1.254, 0.330], [0.264, 1.122]] (M&B eq. 2.14)
    np.testing.assert_allclose(L.to_numpy(), [[1.254, 0.330], [0.264, 1.122]], atol=5e-4)
    assert list(L.index) == MB_SECTORS and list(L.columns) == MB_SECTORS
    np.testing.assert_allclose((L @ MB_FINAL).to_numpy(), MB_X.to_numpy())
    multipliers = vc.output_multipliers(L)
    assert multipliers.name == "output_multiplier"
    np.testing.assert_allclose(multipliers.to_numpy(), [1.518, 1.452], atol=5e-4)


def test_leontief_inverse_is_the_power_series():
    A = vc.technical_coefficients(MB_Z, MB_X).to_numpy()
    series, power = np.eye(2), np.eye(2)
    for _ in range(200):
        power = power @ A
        series += power
    L = vc.leontief_inverse(vc.technical_coefficients(MB_Z, MB_X))
    np.testing.assert_allclose(L.to_numpy(), series, rtol=1e-12)


def test_ghosh_inverse_equals_the_similarity_transform_of_L():
    G = vc.ghosh_inverse(MB_Z, MB_X).to_numpy()
    L = np.linalg.inv(np.eye(2) - MB_Z.to_numpy() / MB_X.to_numpy()[None, :])
    x = MB_X.to_numpy()
    np.testing.assert_allclose(G, np.diag(1 / x) @ L @ np.diag(x))
    B = vc.allocation_coefficients(MB_Z, MB_X).to_numpy()
    np.testing.assert_allclose(B, MB_Z.to_numpy() / x[:, None])


# ---------------------------------------------------------------------------------------------
# The course table: accounts, identities, numbers a lesson quotes
# ---------------------------------------------------------------------------------------------


def test_io_accounts_split_the_course_table(io):
    table = data.load("io_table").set_index("code")
    assert io.Z.shape == (18, 18) and list(io.Z.index) == list(io.Z.columns)
    assert io.Z.loc["agriculture", "food"] == 833.3
    assert io.x["food"] == 2777.6
    assert io.value_added["food"] == table.loc["value_added", "food"]
    assert io.imports["food"] == table.loc["imports", "food"]
    assert io.employment["food"] == pytest.approx(table.loc["employment", "food"] * 1000)
    assert io.names["paper_packaging"] == "Paper and paper packaging (C17)"


def test_output_is_row_sales_and_column_inputs(io):
    # x = Z 1 + Y 1 and x = 1'Z + imports + value added
    np.testing.assert_allclose(io.Z.sum(axis=1) + io.Y.sum(axis=1), io.x, rtol=1e-12)
    np.testing.assert_allclose(io.Z.sum(axis=0) + io.primary_inputs, io.x, rtol=1e-9)


def test_x_equals_L_y_on_the_course_table(io):
    L = vc.leontief_inverse(vc.technical_coefficients(io.Z, io.x))
    np.testing.assert_allclose(L.to_numpy() @ io.Y.sum(axis=1).to_numpy(), io.x, rtol=1e-10)


def test_all_primary_inputs_give_multipliers_of_one(io):
    L = vc.leontief_inverse(vc.technical_coefficients(io.Z, io.x))
    primary = vc.satellite_multipliers(L, io.primary_inputs, io.x)
    assert primary.name == "primary_inputs_multiplier"
    np.testing.assert_allclose(primary, 1.0, rtol=1e-9)
    table = vc.multipliers(io)
    np.testing.assert_allclose(
        table["value_added_multiplier"] + table["imports_multiplier"], 1.0, rtol=1e-9
    )


def test_multipliers_table_against_numpy_the_long_way(io):
    table = vc.multipliers(io).set_index("industry")
    Z, x = io.Z.to_numpy(), io.x.to_numpy()
    L = np.linalg.inv(np.eye(len(x)) - Z @ np.diag(1 / x))
    jobs = io.employment.to_numpy()
    np.testing.assert_allclose(table["output_multiplier"], L.sum(axis=0))
    np.testing.assert_allclose(table["employment_multiplier"], (jobs / x) @ L)
    np.testing.assert_allclose(table["direct_employment"], jobs / x)
    np.testing.assert_allclose(
        table["employment_type_i"], ((jobs / x) @ L) / (jobs / x), rtol=1e-12
    )
    # the numbers the lesson quotes
    assert table.loc["food", "output_multiplier"] == pytest.approx(2.159, abs=5e-4)
    assert table.loc["food", "employment_multiplier"] == pytest.approx(23.65, abs=5e-3)
    assert table.loc["food", "value_added_multiplier"] == pytest.approx(0.674, abs=5e-4)
    assert table["output_multiplier"].idxmax() == "food"


def test_results_are_labelled_by_sector(io):
    A = vc.technical_coefficients(io.Z, io.x)
    for result in (A, vc.leontief_inverse(A), vc.ghosh_inverse(io.Z, io.x)):
        assert isinstance(result, pd.DataFrame)
        assert list(result.index) == list(io.Z.index) == list(result.columns)
    series = vc.satellite_multipliers(vc.leontief_inverse(A), io.employment, io.x)
    assert series.name == "employment_multiplier" and list(series.index) == list(io.Z.index)


def test_inputs_are_not_changed(io):
    Z, x = io.Z.copy(), io.x.copy()
    vc.linkages(io.Z, io.x)
    vc.suppliers(io.Z, io.x, "food")
    pd.testing.assert_frame_equal(io.Z, Z)
    pd.testing.assert_series_equal(io.x, x)


def test_labels_in_another_order_are_aligned():
    shuffled = MB_X.iloc[::-1]
    A = vc.technical_coefficients(MB_Z[MB_SECTORS[::-1]], shuffled)
    np.testing.assert_allclose(A.to_numpy(), [[0.15, 0.25], [0.20, 0.05]])


# ---------------------------------------------------------------------------------------------
# pymrio: the same numbers as its own computation and the published reference values
# ---------------------------------------------------------------------------------------------


def test_agrees_with_pymrio_calc_all(pymrio_test):
    x = pymrio_test.x["indout"]
    A = vc.technical_coefficients(pymrio_test.Z, x)
    pd.testing.assert_frame_equal(A, pymrio_test.A, check_names=False, rtol=1e-10)
    L = vc.leontief_inverse(A)
    np.testing.assert_allclose(L.to_numpy(), pymrio_test.L.to_numpy(), rtol=1e-8, atol=1e-12)
    value_added = pymrio_test.factor_inputs.F.loc["Value Added"]
    ours = vc.satellite_multipliers(L, value_added, x)
    theirs = pymrio_test.factor_inputs.M.loc["Value Added"]
    np.testing.assert_allclose(ours.to_numpy(), theirs.to_numpy(), rtol=1e-8)


def test_reproduces_the_reference_values_on_pymrio_test_system(pymrio_test):
    L = vc.leontief_inverse(vc.technical_coefficients(pymrio_test.Z, pymrio_test.x))
    multipliers = vc.output_multipliers(L)
    assert multipliers["reg1", "food"] == pytest.approx(1.6114, abs=5e-5)
    assert multipliers["reg1", "electricity"] == pytest.approx(1.7693, abs=5e-5)
    links = vc.linkages(pymrio_test.Z, pymrio_test.x).set_index(["region", "sector"])
    assert links.loc[("reg1", "food"), "backward"] == pytest.approx(1.4033, abs=5e-5)
    assert links.loc[("reg1", "electricity"), "backward"] == pytest.approx(1.5408, abs=5e-5)


# ---------------------------------------------------------------------------------------------
# Linkages and cross-industry links
# ---------------------------------------------------------------------------------------------


def _loop_linkages(Z: np.ndarray, x: np.ndarray, forward_from: str):
    n = len(x)
    L = np.linalg.inv(np.eye(n) - Z / x[None, :])
    G = np.linalg.inv(np.eye(n) - Z / x[:, None])
    mean_L = sum(L[i, j] for i in range(n) for j in range(n)) / n**2
    backward = [sum(L[i, j] for i in range(n)) / n / mean_L for j in range(n)]
    M = L if forward_from == "leontief" else G
    mean_M = M.sum() / n**2
    forward = [sum(M[i, j] for j in range(n)) / n / mean_M for i in range(n)]
    kinds = []
    for b, f in zip(backward, forward, strict=True):
        kinds.append("key" if b > 1 and f > 1 else "backward" if b > 1 else
                     "forward" if f > 1 else "weak")  # fmt: skip
    return np.array(backward), np.array(forward), kinds


@pytest.mark.parametrize("method", ["leontief", "ghosh"])
def test_linkages_against_loops(io, method):
    result = vc.linkages(io.Z, io.x, method=method)
    backward, forward, kinds = _loop_linkages(io.Z.to_numpy(), io.x.to_numpy(), method)
    assert result["industry"].tolist() == list(io.Z.index)
    np.testing.assert_allclose(result["backward"], backward)
    np.testing.assert_allclose(result["forward"], forward)
    assert result["type"].tolist() == kinds


def test_key_sectors_of_the_course_table(io):
    result = vc.linkages(io.Z, io.x)
    key = result.loc[result["type"] == "key", "industry"].tolist()
    assert key == ["agriculture", "forestry_wood", "energy"]
    assert result.set_index("industry").loc["food", "type"] == "backward"
    assert set(result["type"]) == {"key", "backward", "forward", "weak"}


def test_suppliers_direct_and_total_against_a_power_series(io):
    Z, x = io.Z.to_numpy(), io.x.to_numpy()
    A = Z / x[None, :]
    total, power = np.zeros_like(A), np.eye(len(x))
    for _ in range(400):  # L - I = A + A^2 + ...
        power = power @ A
        total += power
    food = list(io.Z.index).index("food")
    result = vc.suppliers(io.Z, io.x, "food").set_index("industry").loc[list(io.Z.index)]
    np.testing.assert_allclose(result["purchases"], Z[:, food])
    np.testing.assert_allclose(result["input_coefficient"], A[:, food])
    np.testing.assert_allclose(result["total_requirement"], total[:, food], rtol=1e-9)
    np.testing.assert_allclose(
        result["input_coefficient"] + result["indirect_requirement"], result["total_requirement"]
    )


def test_food_needs_packaging_directly_and_indirectly(io):
    food = vc.suppliers(io.Z, io.x, "food").set_index("industry")
    assert food.loc["paper_packaging", "input_coefficient"] == pytest.approx(111.1 / 2777.6)
    assert food.loc["plastic_packaging", "input_coefficient"] == pytest.approx(97.2 / 2777.6)
    assert food.loc["paper_packaging", "total_requirement"] == pytest.approx(0.0486, abs=5e-5)
    assert vc.suppliers(io.Z, io.x, "food", n=1)["industry"].tolist() == ["agriculture"]


def test_buyers_against_the_ghosh_inverse(io):
    Z, x = io.Z.to_numpy(), io.x.to_numpy()
    G = np.linalg.inv(np.eye(len(x)) - Z / x[:, None])
    t = list(io.Z.index).index("plastic_packaging")
    result = vc.buyers(io.Z, io.x, "plastic_packaging").set_index("industry")
    result = result.loc[list(io.Z.index)]
    np.testing.assert_allclose(result["allocation_coefficient"], Z[t, :] / x[t])
    np.testing.assert_allclose(result["total_allocation"], G[t, :] - np.eye(len(x))[t])
    top = vc.buyers(io.Z, io.x, "plastic_packaging", n=1)
    assert top["industry"].tolist() == ["food"]
    assert top["allocation_coefficient"].iloc[0] == pytest.approx(97.2 / 542.4)


def test_industry_links_composes_suppliers_buyers_and_multipliers(io):
    links = vc.industry_links(io, "food", n=3)
    assert links.name == "Food products (C10)"
    assert len(links.suppliers) == 3 and len(links.buyers) == 3
    assert links.suppliers["name"].iloc[0] == "Agriculture (A01)"
    expected = vc.multipliers(io).set_index("industry").loc["food", "output_multiplier"]
    assert links.multipliers["output_multiplier"].item() == pytest.approx(expected)


# ---------------------------------------------------------------------------------------------
# Identities for any balanced table (hypothesis)
# ---------------------------------------------------------------------------------------------


@st.composite
def balanced_tables(draw):
    n = draw(st.integers(2, 7))
    flows = draw(arrays(np.float64, (n, n), elements=st.floats(0, 100)))
    final = draw(arrays(np.float64, n, elements=st.floats(1, 500)))
    primary = draw(arrays(np.float64, n, elements=st.floats(1, 500)))
    # scale the columns so that inputs + primary inputs = output for an output that we choose
    x = flows.sum(axis=1) + final
    labels = [f"s{k}" for k in range(n)]
    return (pd.DataFrame(flows, index=labels, columns=labels), pd.Series(x, index=labels),
            pd.Series(final, index=labels), primary)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(balanced_tables())
def test_identities_hold_for_any_table(table):
    Z, x, final, _ = table
    column_sums = (Z.sum(axis=0) / x).to_numpy()
    assume(column_sums.max() < 0.95)  # a productive economy (others are refused, see below)
    L = vc.leontief_inverse(vc.technical_coefficients(Z, x))
    np.testing.assert_allclose(L.to_numpy() @ final.to_numpy(), x.to_numpy(), rtol=1e-8)
    # value added closes each column: then (v/x) L = 1
    value_added = x - Z.sum(axis=0)
    np.testing.assert_allclose(vc.satellite_multipliers(L, value_added, x), 1.0, rtol=1e-8)
    G = vc.ghosh_inverse(Z, x).to_numpy()
    np.testing.assert_allclose(G, L.to_numpy() * x.to_numpy()[None, :] / x.to_numpy()[:, None],
                               rtol=1e-8, atol=1e-12)  # fmt: skip
    assert (vc.output_multipliers(L) >= 1 - 1e-12).all()
    links = vc.linkages(Z, x)
    assert links["backward"].mean() == pytest.approx(1.0)
    assert links["forward"].mean() == pytest.approx(1.0)


# ---------------------------------------------------------------------------------------------
# Bad input: clear messages
# ---------------------------------------------------------------------------------------------


def test_non_square_z_is_refused():
    with pytest.raises(CourseInputError, match="must be square.*2 rows and 3 columns"):
        vc.technical_coefficients(MB_Z.assign(households=1.0), MB_X)


def test_labels_that_differ_between_z_and_x_are_refused():
    x = MB_X.rename({"manufacturing": "manufactoring"})
    with pytest.raises(CourseInputError, match="labels of x .* differ.*'manufacturing' missing"):
        vc.technical_coefficients(MB_Z, x)
    Z = MB_Z.rename(columns={"manufacturing": "industry"})
    with pytest.raises(CourseInputError, match="rows and columns of Z must be the same sectors"):
        vc.technical_coefficients(Z, MB_X)


THREE = ["a", "b", "c"]


def test_singular_i_minus_a_is_refused():
    # sector a buys all of its own output: I - A has a zero row and column
    A = pd.DataFrame(np.diag([1.0, 0.2, 0.3]), index=THREE, columns=THREE)
    with pytest.raises(CourseInputError, match="I - A is singular.*column sum of A is 1 .*'a'"):
        vc.leontief_inverse(A)
    unproductive = pd.DataFrame(np.diag([1.2, 0.2, 0.3]), index=THREE, columns=THREE)
    with pytest.raises(CourseInputError, match="not productive"):
        vc.leontief_inverse(unproductive)
    # value added as x: the inputs exceed the "output", and the message is about x
    with pytest.raises(CourseInputError, match="singular.*column sum of A.*x is gross output"):
        vc.linkages(MB_Z, pd.Series([300.0, 400.0], index=MB_SECTORS))


def test_z_passed_as_a_is_named():
    with pytest.raises(CourseInputError) as caught:
        vc.leontief_inverse(MB_Z)
    message = str(caught.value)
    assert "most of its columns sum to 1 or more (the largest 600, for 'manufacturing')" in message
    assert message.endswith(
        "This looks like the transactions table Z: compute A = technical_coefficients(Z, x) first."
    )
    assert "x is gross output" not in message  # leontief_inverse has no x to talk about
    # the same for Z in EUR billion: entries below 1, columns above
    with pytest.raises(CourseInputError, match="looks like the transactions table Z"):
        vc.leontief_inverse(MB_Z / 300)


def test_ghosh_refusal_reports_the_row_sums_of_b():
    # x = value added (too small): food sells more to other sectors than it "produces"
    x = pd.Series([300.0, 400.0], index=MB_SECTORS)
    with pytest.raises(CourseInputError) as caught:
        vc.ghosh_inverse(MB_Z, x)
    message = str(caught.value)
    row_sums = (MB_Z.to_numpy() / x.to_numpy()[:, None]).sum(axis=1)
    assert f"The largest row sum of B is {row_sums.max():.3g} (sector 'agriculture')" in message
    assert "goes to final demand" in message and "column sum" not in message


def test_negative_and_zero_outputs():
    with pytest.raises(CourseInputError, match="gross output cannot be negative.*-1000"):
        vc.technical_coefficients(MB_Z, MB_X * [-1, 1])
    with pytest.raises(CourseInputError, match="'agriculture' has zero output in x but sells 650"):
        vc.technical_coefficients(MB_Z, MB_X * [0, 1])
    with pytest.raises(CourseInputError, match="zero output in x but sells"):
        vc.ghosh_inverse(MB_Z, MB_X * [0, 1])


def test_missing_text_and_duplicate_cells_are_refused():
    with pytest.raises(CourseInputError, match=r"1 missing \(NaN\) cell.*'agriculture' x 'manuf"):
        vc.technical_coefficients(MB_Z.mask(MB_Z == 500.0), MB_X)
    with pytest.raises(CourseInputError, match="must hold numbers"):
        vc.technical_coefficients(MB_Z.astype(str), MB_X)
    with pytest.raises(CourseInputError, match="missing"):
        vc.technical_coefficients(MB_Z, MB_X.where(MB_X > 1000))
    twice = pd.DataFrame(np.eye(2) * 0.1, index=["food", "food"], columns=["food", "retail"])
    with pytest.raises(CourseInputError, match="rows with the same label twice"):
        vc.leontief_inverse(twice)
    with pytest.raises(CourseInputError, match="must be a pandas DataFrame"):
        vc.leontief_inverse(np.eye(2))
    with pytest.raises(CourseInputError, match="must be a pandas Series"):
        vc.technical_coefficients(MB_Z, [1000.0, 2000.0])
    with pytest.raises(CourseInputError, match="is empty"):
        vc.leontief_inverse(pd.DataFrame())


def test_unknown_target_and_method(io):
    with pytest.raises(
        CourseInputError, match="sector 'foods' is not in the table. Did you mean 'food'"
    ):
        vc.suppliers(io.Z, io.x, "foods")
    with pytest.raises(CourseInputError, match="n=0 must be a whole number"):
        vc.buyers(io.Z, io.x, "food", n=0)
    with pytest.raises(CourseInputError, match="method='rows' is not one of 'leontief', 'ghosh'"):
        vc.linkages(io.Z, io.x, method="rows")
    with pytest.raises(CourseInputError, match="Build them first"):
        vc.multipliers(data.load("io_table"))


def test_io_accounts_refuse_tables_that_do_not_balance():
    table = data.load("io_table")
    changed = table.copy()
    changed.loc[changed["code"] == "food", "exports"] += 50.0
    with pytest.raises(CourseInputError, match="does not balance: for 'food' the row sales"):
        vc.io_accounts(changed)
    changed = table.copy()
    changed.loc[changed["code"] == "value_added", "food"] += 50.0
    with pytest.raises(CourseInputError, match="for 'food' the column inputs"):
        vc.io_accounts(changed)
    with pytest.raises(CourseInputError, match="the table is empty"):
        vc.io_accounts(table.iloc[:0])
    with pytest.raises(CourseInputError, match="repeat the same code"):
        vc.io_accounts(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(CourseInputError, match="column 'kind' holds 'taxes'"):
        vc.io_accounts(table.assign(kind=table["kind"].replace("imports", "taxes")))
    with pytest.raises(CourseInputError, match="no column 'food'"):
        vc.io_accounts(table.drop(columns="food"))


# ---------------------------------------------------------------------------------------------
# Degenerate tables: sectors with no output, totals, ill-conditioning, units
# ---------------------------------------------------------------------------------------------


def _with_idle(Z: pd.DataFrame, x: pd.Series, name: str = "idle"):
    """The table with one more sector that has no output, no sales and no purchases."""
    idle = Z.copy()
    idle.loc[name] = 0.0
    idle[name] = 0.0
    return idle, pd.concat([x, pd.Series({name: 0.0})])


def test_a_sector_with_no_output_is_left_out_with_a_warning(io):
    Z, x = _with_idle(io.Z, io.x)
    with pytest.warns(vc.EmptySectorWarning, match=r"1 sector\(s\) have no output.*'idle'"):
        links = vc.linkages(Z, x)
    assert links.attrs["left_out"] == {"idle": "no output, sales or purchases"}
    assert "idle" not in set(links["industry"])
    # the remaining sectors' linkages are those of the table without it, computed the long way
    backward, forward, kinds = _loop_linkages(io.Z.to_numpy(), io.x.to_numpy(), "leontief")
    np.testing.assert_allclose(links["backward"], backward)
    np.testing.assert_allclose(links["forward"], forward)
    assert links["type"].tolist() == kinds
    food = links.set_index("industry").loc["food", "backward"]
    assert round(food, 3) == 1.288
    # kept as an identity column of L, the idle sector would shift food's index to 1.316
    n = len(x)
    A = Z.to_numpy() / np.where(x.to_numpy() > 0, x.to_numpy(), 1.0)[None, :]
    L = np.linalg.inv(np.eye(n) - A)
    assert round(L[:, list(Z.index).index("food")].mean() / L.mean(), 3) == 1.316


@pytest.mark.parametrize(
    "call",
    [
        lambda Z, x: vc.technical_coefficients(Z, x),
        lambda Z, x: vc.allocation_coefficients(Z, x),
        lambda Z, x: vc.ghosh_inverse(Z, x),
        lambda Z, x: vc.linkages(Z, x, method="ghosh"),
        lambda Z, x: vc.suppliers(Z, x, "food"),
        lambda Z, x: vc.buyers(Z, x, "plastic_packaging"),
    ],
)
def test_every_function_of_z_and_x_leaves_an_idle_sector_out_the_same_way(io, call):
    Z, x = _with_idle(io.Z, io.x)
    with pytest.warns(vc.EmptySectorWarning, match="'idle'"):
        result = call(Z, x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clean = call(io.Z, io.x)
    assert result.attrs["left_out"] == {"idle": "no output, sales or purchases"}
    pd.testing.assert_frame_equal(result, clean)


def test_the_chain_from_a_to_multipliers_skips_the_idle_sector(io):
    Z, x = _with_idle(io.Z, io.x)
    jobs = pd.concat([io.employment, pd.Series({"idle": 0.0})]).rename("employment")
    with pytest.warns(vc.EmptySectorWarning):
        A = vc.technical_coefficients(Z, x)
    L = vc.leontief_inverse(A)
    assert L.attrs["left_out"] == {"idle": "no output, sales or purchases"}
    ours = vc.satellite_multipliers(L, jobs, x)
    clean = vc.satellite_multipliers(vc.leontief_inverse(vc.technical_coefficients(io.Z, io.x)),
                                     io.employment, io.x)  # fmt: skip
    pd.testing.assert_series_equal(ours, clean)
    assert vc.output_multipliers(L).attrs["left_out"] == {"idle": "no output, sales or purchases"}
    with pytest.raises(CourseInputError, match="'idle' has zero output but a satellite value"):
        vc.satellite_multipliers(L, jobs.where(jobs.index != "idle", 5.0), x)


def _io_table_with(rows: dict[str, float] | None = None, *, code: str, name: str) -> pd.DataFrame:
    """The course io_table with one more industry row and column (all 0 unless given)."""
    table = data.load("io_table")
    table.insert(list(table.columns).index("households"), code, 0.0)
    row = {c: 0.0 for c in table.columns} | {"code": code, "name": name, "kind": "industry"}
    row |= rows or {}
    industries = int((table["kind"] == "industry").sum())
    top, bottom = table.iloc[:industries], table.iloc[industries:]
    return pd.concat([top, pd.DataFrame([row]), bottom], ignore_index=True)


def test_an_idle_industry_of_an_io_table_is_left_out_of_the_multipliers(io):
    table = _io_table_with(code="idle", name="Idle industry")
    accounts = vc.io_accounts(table)  # the split keeps it: it is in the table
    assert "idle" in accounts.x.index and accounts.x["idle"] == 0
    with pytest.warns(vc.EmptySectorWarning, match="multipliers: 1 sector.*'idle'"):
        result = vc.multipliers(accounts)
    assert result.attrs["left_out"] == {"idle": "no output, sales or purchases"}
    pd.testing.assert_frame_equal(result, vc.multipliers(io))


def test_zero_output_sectors_that_trade_are_refused(io):
    # sells to food but has no output: the row and the output disagree
    Z, x = _with_idle(io.Z, io.x)
    Z.loc["idle", "food"] = 10.0
    with pytest.raises(CourseInputError, match="'idle' has zero output in x but sells 10 to"):
        vc.linkages(Z, x)
    Z, x = _with_idle(io.Z, io.x)
    Z.loc["food", "idle"] = 4.0
    with pytest.raises(CourseInputError, match="'idle' has zero output in x but buys 4 from"):
        vc.technical_coefficients(Z, x)
    # also where only the column matters (A) and only the row (B)
    with pytest.raises(CourseInputError, match="but buys 4 from other sectors"):
        vc.allocation_coefficients(Z, x)


def test_an_ill_conditioned_table_warns_with_its_condition_number():
    # sector a buys almost all of its own output: entries of L of about 1e13
    A = pd.DataFrame([[1 - 1e-13, 0.1, 0.0], [0.0, 0.2, 0.1], [0.0, 0.1, 0.3]],
                     index=THREE, columns=THREE)  # fmt: skip
    condition = np.linalg.cond(np.eye(3) - A.to_numpy(), np.inf)
    assert condition > vc.CONDITION_LIMIT == 1e4
    with pytest.warns(vc.IllConditionedWarning) as caught:
        L = vc.leontief_inverse(A)
    assert L.to_numpy().max() > 1e12
    message = str(caught[0].message)
    assert (
        f"its condition number is {condition:.2g} (numpy.linalg.cond(I - A, numpy.inf))" in message
    )
    assert "sector that buys almost all of its own output" in message and "'a'" in message
    # the same table as Z and x: the functions of Z and x warn too
    x = pd.Series([1e6, 100.0, 100.0], index=THREE)
    Z = A * x.to_numpy()[None, :]
    with pytest.warns(vc.IllConditionedWarning, match="cond"):
        vc.linkages(Z, x)


def test_a_well_conditioned_table_does_not_warn(io, pymrio_test):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = vc.leontief_inverse(vc.technical_coefficients(io.Z, io.x))
        vc.linkages(io.Z, io.x, method="ghosh")
        vc.linkages(pymrio_test.Z, pymrio_test.x)
    n = len(io.x)
    assert np.linalg.cond(np.eye(n) - vc.technical_coefficients(io.Z, io.x).to_numpy(),
                          np.inf) < 5  # fmt: skip
    assert L.attrs == {}


def test_a_total_row_and_column_is_refused_or_dropped(io):
    Z = io.Z.copy()
    Z.loc["TOTAL"] = Z.sum()
    Z["TOTAL"] = Z.sum(axis=1)
    x = pd.concat([io.x, pd.Series({"TOTAL": io.x.sum()})])
    with pytest.raises(CourseInputError, match=r"total rows and columns \('TOTAL'\).*counted tw"):
        vc.linkages(Z, x)
    with pytest.raises(CourseInputError, match="pass drop_aggregates=True"):
        vc.suppliers(Z, x, "food")
    from course._guards import AggregateRowWarning

    with pytest.warns(AggregateRowWarning, match="'TOTAL'.*left out"):
        links = vc.linkages(Z, x, drop_aggregates=True)
    assert links.attrs["left_out"] == {"TOTAL": "a total of other sectors"}
    pd.testing.assert_frame_equal(links.drop(columns=[]), vc.linkages(io.Z, io.x),
                                  check_like=True)  # fmt: skip
    # a matrix of results cannot be mended afterwards: refused, compute it again
    L = vc.leontief_inverse(vc.technical_coefficients(io.Z, io.x))
    L.loc["TOTAL"], L["TOTAL"] = 1.0, 1.0
    with pytest.raises(CourseInputError, match="then compute it again"):
        vc.output_multipliers(L)


def test_a_sector_without_a_label_is_refused():
    for blank in (np.nan, "", "  "):
        labels = ["agriculture", blank]
        Z = pd.DataFrame(MB_Z.to_numpy(), index=labels, columns=labels)
        with pytest.raises(CourseInputError, match="1 sector\\(s\\) without a label"):
            vc.technical_coefficients(Z, pd.Series([1000.0, 2000.0], index=labels))


def test_io_accounts_refuse_or_drop_a_total_industry(io):
    table = data.load("io_table")
    industries = table[table["kind"] == "industry"]
    sums = industries.drop(columns=["code", "name", "kind"]).sum()
    total = _io_table_with(sums.to_dict(), code="TOTAL", name="All industries")
    total.loc[total["kind"] != "industry", "TOTAL"] = 0.0
    with pytest.raises(CourseInputError, match=r"the industry rows has total rows.*'TOTAL'.*drop"):
        vc.io_accounts(total)
    from course._guards import AggregateRowWarning

    with pytest.warns(AggregateRowWarning, match="'TOTAL'"):
        accounts = vc.io_accounts(total, drop_aggregates=True)
    pd.testing.assert_frame_equal(accounts.Z, io.Z)
    pd.testing.assert_series_equal(accounts.x, io.x)
    pd.testing.assert_frame_equal(accounts.Y, io.Y)
    with pytest.raises(CourseInputError, match="without a label"):
        vc.io_accounts(table.assign(code=table["code"].replace("fishing", " ")))


def test_employment_in_persons_instead_of_thousands_is_flagged(io):
    from course._guards import UnitSlipWarning

    table = data.load("io_table")
    persons = table.copy()
    is_jobs = persons["kind"] == "employment"
    persons.loc[is_jobs, list(io.Z.index)] *= 1000  # the whole row in persons
    with pytest.warns(UnitSlipWarning, match="9,097 persons per EUR 1 million.*persons given for"):
        vc.io_accounts(persons)
    one = table.copy()
    one.loc[one["kind"] == "employment", "food"] *= 1000  # one industry in persons
    with pytest.warns(UnitSlipWarning, match=r"food \(persons instead of thousands\)"):
        accounts = vc.io_accounts(one)
    # what the slip would do: food's employment multiplier 1,000 times too large, or nearly
    slipped = vc.multipliers(accounts).set_index("industry")["employment_multiplier"]
    assert slipped["food"] / vc.multipliers(io).set_index("industry").loc[
        "food", "employment_multiplier"] > 300  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vc.io_accounts(table)  # the course table: no warning


def test_top_is_the_old_name_of_n(io):
    with pytest.warns(DeprecationWarning, match=r"suppliers\(top=...\) is now suppliers\(n=...\)"):
        old = vc.suppliers(io.Z, io.x, "food", top=2)
    pd.testing.assert_frame_equal(old, vc.suppliers(io.Z, io.x, "food", n=2))
    with pytest.warns(DeprecationWarning, match="buyers"):
        assert len(vc.buyers(io.Z, io.x, "food", top=3)) == 3
    with pytest.warns(DeprecationWarning, match="industry_links"):
        assert len(vc.industry_links(io, "food", top=2).suppliers) == 2
    with pytest.raises(CourseInputError, match="pass n= only"):
        vc.suppliers(io.Z, io.x, "food", top=2, n=2)


def test_options_are_keyword_only_after_the_table():
    import inspect

    for name in vc.__all__:
        function = getattr(vc, name)
        if not inspect.isfunction(function):
            continue
        for parameter in inspect.signature(function).parameters.values():
            if parameter.default is not parameter.empty and parameter.name not in {
                "Y",
                "value_added",
            }:
                assert parameter.kind is parameter.KEYWORD_ONLY, f"{name}({parameter.name})"


def test_the_forward_index_is_named_in_every_row(io):
    assert set(vc.linkages(io.Z, io.x)["forward_index"]) == {"rows of L (Rasmussen)"}
    assert set(vc.linkages(io.Z, io.x, method="ghosh")["forward_index"]) == {"rows of G (Ghosh)"}
