"""Adapters between the pure screening and exploitation domain
(cases/domain/) and the records the case services store."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from haven.cases.domain import exploitation
from haven.cases.domain.catalogues import get_catalogue
from haven.cases.domain.indicators import Answer, AnswerValue, summarise
from haven.cases.obligations import translated_data
from haven.kernel.errors import ValidationFailed
from haven.kernel.i18n import to_json


def _as_field_errors(error: ValidationFailed) -> ValidationFailed:
    """Domain errors list problems; forms and the API want field → messages."""
    problems = error.extra.get("problems") or []
    errors: dict[str, list[str]] = {}
    for problem in problems:
        text = f"expected {problem['expected']}" + (
            f", found {problem['found']}" if problem.get("found") else ""
        )
        errors.setdefault(problem["field"] or "answers", []).append(text)
    error.extra["errors"] = errors or {"answers": [error.message]}
    return error


def screening_summary(
    version: str, answers: dict[str, dict], *, person_is_child: bool | None
) -> dict[str, Any]:
    """Validate answers against a catalogue version and summarise them. The
    stored summary holds counts and results, never the evidence."""
    catalogue = get_catalogue(version)
    parsed = []
    for indicator_id, answer in answers.items():
        if not isinstance(answer, dict):
            raise ValidationFailed(
                "answers",
                extra={
                    "errors": {"answers": [f"{indicator_id}: expected an object with an answer"]}
                },
            )
        value = answer.get("answer")
        try:
            parsed.append(
                Answer(indicator_id, AnswerValue(value), (answer.get("evidence") or None))
            )
        except ValueError:
            raise ValidationFailed(
                "answers", extra={"errors": {indicator_id: ["expected yes, no or unknown"]}}
            ) from None
    try:
        summary = summarise(catalogue, parsed, person_is_child=person_is_child)
    except ValidationFailed as error:
        raise _as_field_errors(error) from None
    return {
        "catalogue": version,
        "counts": {
            "yes": summary.counts.yes,
            "no": summary.counts.no,
            "unknown": summary.counts.unknown,
            "not_asked": summary.counts.not_asked,
        },
        "yes": [getattr(item, "id", item) for item in summary.yes_indicators],
        "still_to_ask": len(summary.still_to_ask),
        "lines": list(summary.lines()),
        # The same sentences as messages, read in each reader's language.
        "messages": [to_json(line) for line in summary.messages()],
    }


def screening_lines(summary: Mapping[str, Any]) -> list[str]:
    """A stored screening summary's sentences in the active language (the
    stored English where a summary predates its messages)."""
    english = list(summary.get("lines") or [])
    messages = summary.get("messages")
    if not isinstance(messages, list) or len(messages) != len(english):
        return english
    return [translated_data(data, line) for data, line in zip(messages, english, strict=True)]


def exploitation_fields(data: dict[str, Any], today: date) -> dict[str, Any]:
    """Validate CTDC exploitation details; return the model's field values."""
    try:
        details = exploitation.parse_exploitation_details(data, today=today)
    except ValidationFailed as error:
        raise _as_field_errors(error) from None
    return {
        "forms": sorted(form.value for form in details.forms),
        "labour_sectors": sorted(sector.value for sector in details.labour_sectors),
        "sexual_types": sorted(kind.value for kind in details.sexual_exploitation_types),
        "means_of_control": sorted(means.value for means in details.means_of_control),
        "recruiter_relations": sorted(r.value for r in details.recruiter_relations),
        "countries_of_origin": list(details.countries_of_origin),
        "countries_of_transit": list(details.countries_of_transit),
        "countries_of_exploitation": list(details.countries_of_exploitation),
        "started_on": details.started_on,
        "ended_on": details.ended_on,
    }
