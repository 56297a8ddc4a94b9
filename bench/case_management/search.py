"""Search-before-create: latency of ``person_search`` by name, in several
scripts and spellings, and the quality of what it finds.

Queries are built from persons the searching caseworker's agency holds, so we
know whom each query should find:

* ``original``: the name as written in its own script (Arabic, Ethiopic,
  Cyrillic, Devanagari, Bengali; Latin with diacritics for Latin names);
* ``respelled``: a Latin spelling from the name pools that the record does not
  hold, where the pools have one (Mohamed for a record spelled Muhammad);
* ``partial``: a Latin spelling with the grandfather's name left out
  (patronymic names) or the family name first (given + family names);

plus ``unregistered`` queries, names combined at random from the pools, as when
the person being registered is new.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

from bench.case_management import seeding
from bench.case_management.stats import latency_summary

SCRIPTS = ("Arab", "Ethi", "Cyrl", "Deva", "Beng", "Latn")
KINDS = ("original", "respelled", "partial")
WARM_UP_QUERIES = 30
TOP = 5


@dataclass(frozen=True)
class Query:
    text: str
    script: str
    kind: str
    target_id: str | None = None
    target_name: str = ""


@dataclass
class SearchRun:
    queries: list[Query]
    seconds: list[float] = field(default_factory=list)
    results: list[list[Any]] = field(default_factory=list)


# --- the searching caseworker ---------------------------------------------------------------------


def searching_caseworker():  # type: ignore[no-untyped-def]
    """A caseworker of the agency holding most persons (the demo caseworker
    when that agency is the shelter, as seeded)."""
    from django.db.models import Count

    from haven.accounts.models import User
    from haven.people.models import Person

    busiest = (
        Person.objects.values("agency_id").annotate(count=Count("id")).order_by("-count").first()
    )
    if busiest is None:
        raise SystemExit("bench: no persons; run the seed step first")
    users = User.objects.filter(agency_id=busiest["agency_id"], role="caseworker", is_active=True)
    return users.filter(username="caseworker").first() or users.order_by("pk").first()


# --- queries --------------------------------------------------------------------------------------


def _pool_entries(script: str) -> list[tuple[str, tuple[str, ...]]]:
    from haven.demo.name_pools import TRADITIONS

    entries = []
    for tradition in TRADITIONS:
        if tradition.script == script:
            entries += [*tradition.given_female, *tradition.given_male, *tradition.family]
    # Longest first, so that "عبد الرحمن" is matched before any shorter entry.
    return sorted(set(entries), key=lambda entry: -len(entry[0]))


def _split_parts(original: str, script: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """The pool entries an original name was composed of (names of several
    words, such as عبد الله, are one entry)."""
    entries = _pool_entries(script)
    parts: list[tuple[str, tuple[str, ...]]] = []
    rest = original
    while rest:
        for entry in entries:
            if rest == entry[0] or rest.startswith(entry[0] + " "):
                parts.append(entry)
                rest = rest[len(entry[0]) :].lstrip(" ")
                break
        else:
            return None
    return parts


def _spelling(part: tuple[str, tuple[str, ...]], avoid: set[str], rng: random.Random) -> str:
    choices = [spelling for spelling in part[1] if spelling not in avoid] or list(part[1])
    return rng.choice(choices) if choices else part[0]


def _query_for(person: Any, kind: str, rng: random.Random) -> Query | None:
    names = person.names or {}
    original = (names.get("original") or {}).get("text", "")
    script = person.name_script
    if kind == "original":
        return Query(original, script, kind, str(person.pk), original)
    parts = _split_parts(original, script)
    if not parts:
        return None
    stored_words = {word for latin in names.get("latin") or [] for word in latin.split()}
    spelled = [_spelling(part, stored_words, rng) for part in parts]
    if kind == "partial":
        if len(parts) >= 3:
            spelled = spelled[:2]  # the grandfather's name left out
        else:
            spelled = spelled[::-1]  # family name first
    return Query(" ".join(spelled), script, kind, str(person.pk), original)


def _sample_persons(agency_id: int, script: str, count: int) -> list[Any]:
    from haven.people.models import Person

    ids = [
        row[0]
        for row in seeding._execute(
            "SELECT id FROM people_person WHERE agency_id = %s AND name_script = %s "
            "ORDER BY md5(id::text || 'bench-search') LIMIT %s",
            (agency_id, script, count),
        )
    ]
    persons = {str(person.pk): person for person in Person.objects.filter(pk__in=ids)}
    return [persons[str(person_id)] for person_id in ids if str(person_id) in persons]


def _unregistered(script: str, rng: random.Random) -> Query:
    from haven.demo.name_pools import TRADITIONS

    tradition = rng.choice([t for t in TRADITIONS if t.script == script])
    given = rng.choice(tradition.given_female + tradition.given_male)
    if tradition.structure == "patronymic":
        parts = [given, rng.choice(tradition.given_male), rng.choice(tradition.given_male)]
    else:
        parts = [given, rng.choice(tradition.family)]
    in_script = rng.random() < 0.5
    text = " ".join(part[0] if in_script or not part[1] else rng.choice(part[1]) for part in parts)
    return Query(text, script, "unregistered")


def build_queries(
    agency_id: int, per_script: int, unregistered_per_script: int, seed: int = 7
) -> tuple[list[Query], list[Query]]:
    """(timed queries, warm-up queries)."""
    rng = random.Random(seed)
    queries: list[Query] = []
    for script in SCRIPTS:
        persons = _sample_persons(agency_id, script, per_script)
        for index, person in enumerate(persons):
            query = _query_for(person, KINDS[index % len(KINDS)], rng)
            if query is None:
                query = _query_for(person, "original", rng)
            queries.append(query)
        queries += [_unregistered(script, rng) for _ in range(unregistered_per_script)]
    rng.shuffle(queries)
    warm_up = [_unregistered(rng.choice(SCRIPTS), rng) for _ in range(WARM_UP_QUERIES)]
    return queries, warm_up


# --- running and judging --------------------------------------------------------------------------


def run_in_process(actor: Any, queries: list[Query], warm_up: list[Query]) -> SearchRun:
    from haven.people.selectors import person_search

    for query in warm_up:
        person_search(actor=actor, name=query.text)
    run = SearchRun(queries)
    for query in queries:
        started = time.perf_counter()
        matches = person_search(actor=actor, name=query.text)
        run.seconds.append(time.perf_counter() - started)
        run.results.append(matches)
    return run


def _canonical(name: str) -> str:
    from haven.people.domain.names import name_features

    return name_features(name).sorted_canonical


def _namesakes(agency_id: int, original: str) -> int:
    """Persons of the agency sharing every pair key of the name: as far as the
    name alone can tell, the same name. No search can rank the right one of
    them first on the name alone."""
    from haven.people.domain.names import PAIR_KEY_SEPARATOR, search_keys
    from haven.people.indexing import NAME_PURPOSE
    from haven.platform.crypto.blind_index import blind_index

    keys = search_keys(original)
    pairs = [key for key in keys if PAIR_KEY_SEPARATOR in key] or list(keys)
    digests = [blind_index(NAME_PURPOSE, key) for key in pairs]
    return seeding._execute(
        "SELECT count(*) FROM (SELECT k.person_id FROM people_personnamekey k "
        "JOIN people_person p ON p.id = k.person_id AND p.agency_id = %s "
        "WHERE k.digest = ANY(%s) GROUP BY k.person_id "
        "HAVING count(DISTINCT k.digest) = %s) namesakes",
        (agency_id, digests, len(digests)),
    )[0][0]


def quality(run: SearchRun, agency_id: int, namesake_sample: int = 60) -> dict[str, Any]:
    known = [
        (query, matches)
        for query, matches in zip(run.queries, run.results, strict=True)
        if query.target_id
    ]
    in_top = in_results = top1_same_name = 0
    by_kind: dict[str, list[int]] = {}
    for query, matches in known:
        ids = [match.person.id for match in matches]
        hit_top = query.target_id in ids[:TOP]
        in_top += hit_top
        in_results += query.target_id in ids
        same = bool(matches) and (
            matches[0].person.id == query.target_id
            or _canonical(matches[0].person.original_name) == _canonical(query.target_name)
        )
        top1_same_name += same
        by_kind.setdefault(query.kind, [0, 0, 0])
        by_kind[query.kind][0] += 1
        by_kind[query.kind][1] += hit_top
        by_kind[query.kind][2] += same
    namesakes = [_namesakes(agency_id, query.target_name) for query, _ in known[:namesake_sample]]
    count = max(1, len(known))
    return {
        "known_person_queries": len(known),
        "target_in_top5": in_top / count,
        "target_in_results": in_results / count,
        "top1_target_or_same_name": top1_same_name / count,
        "by_kind": {
            kind: {"queries": n, "target_in_top5": hits / n, "top1_same_name": same / n}
            for kind, (n, hits, same) in sorted(by_kind.items())
        },
        "namesakes_median": statistics.median(namesakes) if namesakes else 0,
        "namesakes_sampled": len(namesakes),
        "mean_results": statistics.mean(len(matches) for matches in run.results),
        "empty_results": sum(1 for matches in run.results if not matches) / len(run.results),
    }


def latency_breakdown(run: SearchRun) -> dict[str, Any]:
    by_script: dict[str, list[float]] = {}
    by_kind: dict[str, list[float]] = {}
    for query, seconds in zip(run.queries, run.seconds, strict=True):
        by_script.setdefault(query.script, []).append(seconds)
        by_kind.setdefault(query.kind, []).append(seconds)
    return {
        "all": latency_summary(run.seconds),
        "by_script": {key: latency_summary(value) for key, value in sorted(by_script.items())},
        "by_kind": {key: latency_summary(value) for key, value in sorted(by_kind.items())},
    }


def benchmark(per_script: int = 50, unregistered_per_script: int = 10) -> dict[str, Any]:
    actor = searching_caseworker()
    queries, warm_up = build_queries(actor.agency_id, per_script, unregistered_per_script)
    run = run_in_process(actor, queries, warm_up)
    visible = seeding._execute(
        "SELECT count(*) FROM people_person WHERE agency_id = %s", (actor.agency_id,)
    )[0][0]
    return {
        "actor": actor.get_username(),
        "agency": actor.agency.name,
        "visible_persons": visible,
        "queries": len(queries),
        "warm_up": len(warm_up),
        "latency": latency_breakdown(run),
        "quality": quality(run, actor.agency_id),
        "examples": [
            {
                "query": query.text,
                "script": query.script,
                "kind": query.kind,
                "results": len(matches),
                "top_score": matches[0].score if matches else None,
            }
            for query, matches in list(zip(run.queries, run.results, strict=True))[:12]
        ],
        "query_list": [(query.text, query.script, query.kind) for query in queries],
    }
