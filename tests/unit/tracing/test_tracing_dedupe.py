"""De-duplicating persons recorded by several agencies (DuckDB)."""

from __future__ import annotations

import pytest

from haven.tracing.domain import engine
from haven.tracing.domain.engine import Cluster, dedupe
from haven.tracing.domain.records import AgeEstimate, Sex
from tests.unit.tracing.linkage_builders import (
    AMINA_FOUND,
    AMINA_REPORT,
    BROTHER_FOUND,
    FATHER_FOUND,
    TESFAYE_FOUND,
    TESFAYE_REPORT,
    day,
    record,
    renamed,
)

# One man as the police, an NGO and a shelter recorded him.
POLICE = record(
    "police-17",
    names_latin=("Mohamed Osman",),
    sex=Sex.MALE,
    birth_date=day("2000-05-03"),
    nationality=("SDN",),
    place="Tripoli",
    event_date=day("2024-05-02"),
)
NGO = record(
    "ngo-4",
    names_original=("محمد عثمان",),
    sex=Sex.MALE,
    age=AgeEstimate(24, 24),
    nationality=("SD",),
    place="Tripoli",
    event_date=day("2024-02-11"),
)
SHELTER = record(
    "shelter-2",
    names_latin=("Osman Muhammad Ali",),
    sex=Sex.MALE,
    birth_date=day("2000-05-03"),
    nationality=("SDN",),
    place="Catania",
    route=("Tripoli", "Catania"),
    event_date=day("2024-07-20"),
)
PERSONS = (
    POLICE,
    NGO,
    SHELTER,
    renamed(BROTHER_FOUND, "police-18"),
    renamed(TESFAYE_REPORT, "ngo-9"),
    renamed(TESFAYE_FOUND, "shelter-5"),
    renamed(AMINA_REPORT, "ngo-12"),
    renamed(AMINA_FOUND, "police-30"),
    renamed(FATHER_FOUND, "police-31"),
)


@pytest.fixture(scope="module")
def clusters() -> list[Cluster]:
    return dedupe(PERSONS)


def cluster_of(clusters: list[Cluster], record_id: str) -> Cluster:
    (found,) = [cluster for cluster in clusters if record_id in cluster.record_ids]
    return found


def test_one_person_in_three_agencies_is_one_cluster(clusters: list[Cluster]) -> None:
    mohamed = cluster_of(clusters, POLICE.id)

    assert mohamed.record_ids == ("ngo-4", "police-17", "shelter-2")
    assert mohamed.cluster_id == "ngo-4"  # the smallest id


def test_relatives_stay_apart(clusters: list[Cluster]) -> None:
    assert cluster_of(clusters, "police-18").record_ids == ("police-18",)  # the brother
    assert cluster_of(clusters, "police-31").record_ids == ("police-31",)  # Amina's father


def test_other_people_cluster_with_their_own_records(clusters: list[Cluster]) -> None:
    assert cluster_of(clusters, "ngo-9").record_ids == ("ngo-9", "shelter-5")
    assert cluster_of(clusters, "ngo-12").record_ids == ("ngo-12", "police-30")


def test_every_record_is_in_exactly_one_cluster(clusters: list[Cluster]) -> None:
    ids = [record_id for cluster in clusters for record_id in cluster.record_ids]

    assert sorted(ids) == sorted(person.id for person in PERSONS)
    assert [cluster.cluster_id for cluster in clusters] == sorted(c.cluster_id for c in clusters)


def test_each_cluster_keeps_the_explained_links_that_joined_it(clusters: list[Cluster]) -> None:
    mohamed = cluster_of(clusters, POLICE.id)

    assert {(link.left_id, link.right_id) for link in mohamed.links} >= {
        ("police-17", "shelter-2"),
    }
    for link in mohamed.links:
        assert link.left_id < link.right_id
        assert link.match_probability >= 0.9
        assert link.evidence("names").match_weight > 0
    assert cluster_of(clusters, "police-18").links == ()


def test_dedupe_has_no_found_before_missing_rule(clusters: list[Cluster]) -> None:
    # The NGO saw him (February) before the police (May): the same person all the same.
    assert NGO.id in cluster_of(clusters, POLICE.id).record_ids


def test_a_higher_threshold_splits_what_a_lower_one_joins() -> None:
    everyone_apart = dedupe(PERSONS, threshold=1.0)
    generous = dedupe(PERSONS, threshold=0.5)

    assert all(len(cluster.record_ids) == 1 for cluster in everyone_apart)
    assert len(generous) <= len(dedupe(PERSONS))


def test_reviewed_duplicates_keep_the_clusters(clusters: list[Cluster]) -> None:
    reviewed = [("police-17", "shelter-2"), ("ngo-9", "shelter-5")]

    assert [c.record_ids for c in dedupe(PERSONS, labelled_pairs=reviewed)] == [
        c.record_ids for c in clusters
    ]


def test_an_id_used_twice_is_refused() -> None:
    with pytest.raises(ValueError) as raised:
        dedupe([POLICE, POLICE])

    assert str(raised.value) == engine.DUPLICATE_ID.format(record_id=POLICE.id, side="input")


def test_nothing_to_dedupe_gives_no_clusters() -> None:
    assert dedupe([]) == []
