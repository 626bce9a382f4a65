"""Every course cluster on the value chain that fits it: no false gaps (issue 19).

A software cluster on the goods chain (farms, processing, packaging ...) shows six gaps, none
real. ``valuechain.CHAINS`` adds an IT, an energy and a logistics chain, and
``valuechain.CLUSTER_CHAINS`` names each course cluster's; this file checks every cluster's map,
the one source of the stage codes, and that module 3 runs end to end for the IT cluster.
"""

from __future__ import annotations

import pytest

from course import data, segmentation, valuechain
from course.checks import CourseInputError
from tests.conftest import ROOT, run_notebook

# The only gaps left are the ones the lesson discusses as real: no food cluster has an inputs
# firm (bought from global suppliers) or a retail member (the route to the buyer).
REAL_GAPS = {"lv_food": ["inputs", "retail_services"], "dk_food": ["inputs", "retail_services"]}


@pytest.fixture(scope="module")
def members():
    return data.load("cluster_members")


def test_every_course_cluster_has_a_chain(members):
    assert set(valuechain.CLUSTER_CHAINS) == set(members["cluster"])
    assert set(valuechain.CLUSTER_CHAINS.values()) <= set(valuechain.CHAINS)


@pytest.mark.parametrize("cluster", sorted(valuechain.CLUSTER_CHAINS))
def test_each_cluster_map_has_no_false_gap_and_loses_no_member(members, cluster):
    ours = members[members["cluster"] == cluster]
    chain = valuechain.value_chain_map(ours, chain=valuechain.CLUSTER_CHAINS[cluster])
    assert chain.loc[chain["gap"], "stage"].tolist() == REAL_GAPS.get(cluster, [])
    assert chain["members"].sum() == len(ours)
    assert chain["employees"].sum() == pytest.approx(ours["employees"].sum())
    # every chain stage with members is drawn, and the graph has a flow
    graph = valuechain.value_chain_graph(chain)
    assert graph.number_of_nodes() == len(chain)


def test_the_goods_chain_would_give_the_it_cluster_six_false_gaps(members):
    it = members[members["cluster"] == "lv_it"]
    assert len(valuechain.value_chain_gaps(it)) == 6
    assert len(valuechain.value_chain_gaps(it, chain="it")) == 0


def test_stage_codes_are_written_once():
    goods = valuechain.value_chain_stages()["stage"].tolist()
    assert list(segmentation.VALUE_CHAIN_STAGES) == goods


def test_a_service_chain_places_companies_by_nace_and_others_by_stage(members):
    it = members[members["cluster"] == "lv_it"]
    chain = valuechain.value_chain_map(it, chain="it").set_index("stage")
    assert chain.loc["software_services", "members"] == it["industry"].isin(["J62", "J58"]).sum()
    assert (
        chain.loc["research_education", "members"]
        == (it["value_chain_stage"] == "research_education").sum()
    )


def test_a_member_off_the_chain_is_refused_in_plain_words(members):
    food = members[members["cluster"] == "lv_food"]
    with pytest.raises(CourseInputError, match="chain='it', 'energy' or 'logistics'"):
        valuechain.value_chain_map(food, chain="logistics")
    with pytest.raises(CourseInputError, match="not a course chain"):
        valuechain.value_chain_stages(chain="software")


@pytest.mark.slow
def test_module_3_runs_end_to_end_for_the_it_cluster(tmp_path):
    executed = run_notebook(
        ROOT / "modules" / "03-value-chain" / "03-value-chain.ipynb",
        tmp_path,
        {"cluster": "lv_it", "partner": "ee_logistics", "industry": "ict"},
    )
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    shown = "".join(
        str(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", "")) for o in outputs
    )
    assert "Riga Digital Cluster: 46 members" in shown
    assert "software_services" in shown
    assert "Information and communication (J58-J63)" in shown
    # the own-data step (optional C) writes both templates and reads a table back from a file
    assert "'io_template.csv', 'io_template.md', 'members_template.csv'" in shown
    assert "output_multiplier" in shown
