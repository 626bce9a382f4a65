"""Tests of course.valuechain's input-output functions against independent computations.

Independent means: a textbook example with published answers (Miller & Blair 2009), pymrio's
own computation and published reference values on its test system, and numpy written the
long way (explicit inverses, power series, loops) instead of the library's solves.
"""

from __future__ import annotations

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
    assert io.x["food"] == 2777.5
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
    assert table.loc["food", "output_multiplier"] == pytest.approx(2.158, abs=5e-4)
    assert table.loc["food", "employment_multiplier"] == pytest.approx(23.64, abs=5e-3)
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
    assert food.loc["paper_packaging", "input_coefficient"] == pytest.approx(111.1 / 2777.5)
    assert food.loc["plastic_packaging", "input_coefficient"] == pytest.approx(97.2 / 2777.5)
    assert food.loc["paper_packaging", "total_requirement"] == pytest.approx(0.0486, abs=5e-5)
    assert vc.suppliers(io.Z, io.x, "food", top=1)["industry"].tolist() == ["agriculture"]


def test_buyers_against_the_ghosh_inverse(io):
    Z, x = io.Z.to_numpy(), io.x.to_numpy()
    G = np.linalg.inv(np.eye(len(x)) - Z / x[:, None])
    t = list(io.Z.index).index("plastic_packaging")
    result = vc.buyers(io.Z, io.x, "plastic_packaging").set_index("industry")
    result = result.loc[list(io.Z.index)]
    np.testing.assert_allclose(result["allocation_coefficient"], Z[t, :] / x[t])
    np.testing.assert_allclose(result["total_allocation"], G[t, :] - np.eye(len(x))[t])
    top = vc.buyers(io.Z, io.x, "plastic_packaging", top=1)
    assert top["industry"].tolist() == ["food"]
    assert top["allocation_coefficient"].iloc[0] == pytest.approx(97.2 / 541.7)


def test_industry_links_composes_suppliers_buyers_and_multipliers(io):
    links = vc.industry_links(io, "food", top=3)
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


def test_singular_i_minus_a_is_refused():
    A = pd.DataFrame([[0.5, 0.5], [0.5, 0.5]], index=MB_SECTORS, columns=MB_SECTORS)
    with pytest.raises(CourseInputError, match="I - A is singular.*column sum of A is 1"):
        vc.leontief_inverse(A)
    unproductive = pd.DataFrame([[0.9, 0.6], [0.6, 0.9]], index=MB_SECTORS, columns=MB_SECTORS)
    with pytest.raises(CourseInputError, match="not productive"):
        vc.leontief_inverse(unproductive)
    # value added as x: the inputs exceed the "output"
    with pytest.raises(CourseInputError, match="singular"):
        vc.linkages(MB_Z, pd.Series([300.0, 400.0], index=MB_SECTORS))


def test_negative_and_zero_outputs():
    with pytest.raises(CourseInputError, match="gross output cannot be negative.*-1000"):
        vc.technical_coefficients(MB_Z, MB_X * [-1, 1])
    with pytest.raises(CourseInputError, match="'agriculture' has zero output but buys inputs"):
        vc.technical_coefficients(MB_Z, MB_X * [0, 1])
    with pytest.raises(CourseInputError, match="zero output but sells output"):
        vc.ghosh_inverse(MB_Z, MB_X * [0, 1])
    # an empty sector (no output, no flows) is allowed: its coefficients are 0
    Z = MB_Z.copy()
    Z["agriculture"] = 0.0
    Z.loc["agriculture"] = 0.0
    A = vc.technical_coefficients(Z, MB_X * [0, 1])
    assert (A["agriculture"] == 0).all()


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
    with pytest.raises(CourseInputError, match="top=0 must be a whole number"):
        vc.buyers(io.Z, io.x, "food", top=0)
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
