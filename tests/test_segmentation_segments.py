"""Tests of segmentation.segment_members and segment_profile: against scikit-learn and SciPy
called directly, on planted segments with a known answer, reproducible with the seed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import data
from course import segmentation as sg
from course.checks import CourseInputError, MissingDataWarning

MEMBERS = data.load("cluster_members")
FIRMS = MEMBERS[MEMBERS["member_type"] == "company"].reset_index(drop=True)
FEATURES = ["employees", "turnover_eur", "export_share"]


def planted(n_per: int = 60, seed: int = 3) -> pd.DataFrame:
    """Three well separated groups of members: small domestic, large domestic, small exporters."""
    rng = np.random.default_rng(seed)
    centres = [(5, 0.02), (400, 0.05), (6, 0.7)]
    rows = []
    for group, (staff, export) in enumerate(centres):
        rows.append(pd.DataFrame({
            "member_id": [f"m{group}_{i}" for i in range(n_per)],
            "employees": np.round(staff * np.exp(rng.normal(0, 0.15, n_per))) + 1,
            "export_share": np.clip(export + rng.normal(0, 0.03, n_per), 0, 1),
            "planted": group,
        }))  # fmt: skip
    return pd.concat(rows, ignore_index=True)


def test_planted_segments_are_found_with_their_k():
    table = planted()
    result = sg.segment_members(table, ["employees", "export_share"])
    assert result.k == 3
    crosstab = pd.crosstab(result.members["planted"], result.members["segment"])
    assert (crosstab.gt(0).sum(axis=1) == 1).all()  # every planted group in one segment
    assert result.scores.loc[result.scores["chosen"], "silhouette"].item() > 0.7
    ward = sg.segment_members(table, ["employees", "export_share"], method="ward")
    assert ward.k == 3
    pd.testing.assert_series_equal(ward.members["segment"], result.members["segment"])


def test_kmeans_matches_scikit_learn_called_directly():
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, silhouette_score

    result = sg.segment_members(FIRMS, FEATURES, k=range(2, 6))
    x = np.column_stack([np.log1p(FIRMS["employees"]), np.log1p(FIRMS["turnover_eur"]),
                         FIRMS["export_share"]])  # fmt: skip
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    for row in result.scores.itertuples():
        model = KMeans(n_clusters=row.k, n_init=10, random_state=42).fit(z)
        assert row.inertia == pytest.approx(model.inertia_)
        assert row.silhouette == pytest.approx(silhouette_score(z, model.labels_))
    model = KMeans(n_clusters=result.k, n_init=10, random_state=42).fit(z)
    assert adjusted_rand_score(model.labels_, result.members["segment"]) == 1.0


def test_ward_matches_scipy_and_its_inertia_is_the_within_sum_of_squares():
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import adjusted_rand_score

    result = sg.segment_members(FIRMS, FEATURES, k=4, method="ward")
    x = np.column_stack([np.log1p(FIRMS["employees"]), np.log1p(FIRMS["turnover_eur"]),
                         FIRMS["export_share"]])  # fmt: skip
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    labels = fcluster(linkage(z, "ward"), 4, criterion="maxclust")
    assert adjusted_rand_score(labels, result.members["segment"]) == 1.0
    within = sum(((z[labels == c] - z[labels == c].mean(axis=0)) ** 2).sum()
                 for c in np.unique(labels))  # fmt: skip
    assert result.scores["inertia"].item() == pytest.approx(within)


def test_segmentation_is_reproducible_with_the_seed():
    first = sg.segment_members(FIRMS, FEATURES)
    again = sg.segment_members(FIRMS.copy(), FEATURES)
    pd.testing.assert_frame_equal(first.members, again.members)
    pd.testing.assert_frame_equal(first.scores, again.scores)
    pd.testing.assert_frame_equal(first.profile, again.profile)
    # the course example quoted in the docstring and the lesson
    assert first.k == 3
    assert first.profile["members"].tolist() == [105, 61, 41]


def test_segments_are_numbered_by_size_and_profiles_agree_with_pandas():
    result = sg.segment_members(FIRMS, FEATURES, k=4)
    sizes = result.members["segment"].value_counts().sort_index()
    assert sizes.is_monotonic_decreasing and list(sizes.index) == [1, 2, 3, 4]
    profile = result.profile.set_index("segment")
    medians = result.members.groupby("segment")["turnover_eur"].median()
    np.testing.assert_allclose(profile["turnover_eur_median"], medians)
    logs = np.log1p(result.members["employees"])
    z = (logs - logs.mean()) / logs.std(ddof=0)
    expected = z.groupby(result.members["segment"]).mean()
    np.testing.assert_allclose(profile["employees_z"], expected)
    assert profile["member_share"].sum() == pytest.approx(1)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 5))
def test_profile_identities_hold_for_any_segmentation(seed, k):
    rng = np.random.default_rng(seed)
    table = pd.DataFrame({"member_id": range(60), "employees": rng.integers(1, 500, 60),
                          "export_share": rng.uniform(0, 1, 60)})  # fmt: skip
    result = sg.segment_members(table, ["employees", "export_share"], k=k, random_state=seed)
    profile = result.profile
    assert profile["members"].sum() == 60 and len(profile) == k
    # the member-weighted mean of the segments' z-scores is the overall mean, 0
    for feature in ("employees", "export_share"):
        assert np.average(profile[f"{feature}_z"], weights=profile["members"]) == pytest.approx(
            0, abs=1e-9)  # fmt: skip
    # inertia never grows with k, the silhouette stays in [-1, 1]
    assert -1 <= result.scores["silhouette"].item() <= 1


def test_inertia_falls_as_k_grows():
    scores = sg.segment_members(FIRMS, FEATURES).scores
    assert scores["inertia"].is_monotonic_decreasing
    assert scores["chosen"].sum() == 1
    assert scores.loc[scores["chosen"], "silhouette"].item() == scores["silhouette"].max()


def test_members_with_a_missing_feature_get_no_segment():
    with pytest.warns(MissingDataWarning, match=r"25 row\(s\) are left out.*lv_food_001"):
        result = sg.segment_members(MEMBERS, FEATURES, k=3)
    unplaced = result.members["segment"].isna()
    assert unplaced.equals(MEMBERS["turnover_eur"].isna())
    assert result.profile["members"].sum() == (~unplaced).sum()
    pd.testing.assert_frame_equal(result.members.drop(columns="segment"), MEMBERS)


def test_a_large_table_uses_a_silhouette_sample():
    table = planted(n_per=700)
    result = sg.segment_members(table, ["employees", "export_share"], k=3, sample_size=500)
    assert result.scores["silhouette"].item() > 0.7


def test_the_log_choice():
    plain = sg.segment_members(FIRMS, FEATURES, k=3, log=())
    assert plain.logged == ()
    logged = sg.segment_members(FIRMS, FEATURES, k=3)
    assert logged.logged == ("employees", "turnover_eur")
    assert "Segmentation: 3 segments by kmeans" in repr(logged)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"features": "employees"}, "features must be a list"),
        ({"features": []}, "at least one column"),
        ({"features": ["employes"]}, "no column 'employes'"),
        ({"features": ["member_type"]}, "must hold numbers"),
        ({"k": 1}, "k=1 must be a whole number of at least 2"),
        ({"k": [2, 2.5]}, "must be a whole number"),
        ({"k": 500}, "k=500 is too many segments"),
        ({"method": "dbscan"}, "method='dbscan' is not one of 'kmeans', 'ward'"),
        ({"log": ["export_sh"]}, "log names 'export_sh'"),
        ({"n_init": 0}, "n_init=0 must be a whole number"),
    ],
)
def test_bad_arguments_are_refused(kwargs, message):
    arguments = {"features": FEATURES, **kwargs}
    with pytest.raises(CourseInputError, match=message):
        sg.segment_members(FIRMS, **arguments)


def test_bad_tables_are_refused():
    with pytest.raises(CourseInputError, match="the table is empty"):
        sg.segment_members(FIRMS.iloc[:0], FEATURES)
    with pytest.raises(CourseInputError, match="repeat the same"):
        sg.segment_members(pd.concat([FIRMS, FIRMS.iloc[:1]]), FEATURES)
    with pytest.raises(CourseInputError, match="same value for every member"):
        sg.segment_members(FIRMS.assign(year_joined=2020), ["employees", "year_joined"])
    with pytest.raises(CourseInputError, match="negative value"):
        sg.segment_members(FIRMS.assign(employees=-FIRMS["employees"]), FEATURES)
    with pytest.raises(CourseInputError, match="limited to 10,000"):
        sg.segment_members(planted(n_per=3400), ["employees", "export_share"], method="ward")
    with pytest.raises(CourseInputError, match="no column 'segment'"):
        sg.segment_profile(FIRMS, FEATURES)
