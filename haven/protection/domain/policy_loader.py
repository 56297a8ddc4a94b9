"""Loading and validating jurisdiction policy files.

A policy file is JSON (format in docs/rules.md). The international minimum
(policies/international.json) must give every setting; a national policy gives
only what it changes and inherits the rest. Every setting carries a ``source``
note saying where the value comes from. The loader refuses:

- a malformed file, with the path of each wrong field (PolicyInvalid);
- a value below the international minimum, naming the rule it would weaken
  (PolicyBelowMinimum), whether in the settings or in a later amendment.

Loading is pure: pass a parsed mapping or a path; nothing reads the clock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from haven.protection.domain.assistance_items import ASSISTANCE_ITEM_BY_ID
from haven.protection.domain.errors import (
    PolicyBelowMinimum,
    PolicyInvalid,
    PolicyUnknown,
    Problem,
)
from haven.protection.domain.json_reader import (
    SLUG_PATTERN,
    ObjectReader,
    describe_found,
    join_path,
)
from haven.protection.domain.policy import (
    INTERNATIONAL_MINIMUMS,
    JurisdictionPolicy,
    LengthUnit,
    PeriodLength,
    PolicyAmendment,
    PolicySettings,
)

INTERNATIONAL_POLICY_NAME = "international"
_BUNDLED_PACKAGE = "haven.protection.domain.policies"

INHERITED_NOTE = "inherited from the international minimum: {note}"


@dataclass(frozen=True, slots=True)
class _SettingFormat:
    expected: str
    parse: Callable[[Any], Any]  # returns the value, or raises ValueError


def _parse_period_length(value: Any) -> PeriodLength:
    if isinstance(value, Mapping) and len(value) == 1:
        ((unit, amount),) = value.items()
        if unit in LengthUnit._value2member_map_ and _is_whole(amount, minimum=1):
            return PeriodLength(amount, LengthUnit(unit))
    raise ValueError


def _parse_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError


def _is_whole(value: Any, *, minimum: int, maximum: int = 10_000) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum


def _parse_years(value: Any) -> int:
    if _is_whole(value, minimum=1, maximum=30):
        return value
    raise ValueError


def _parse_optional_days(value: Any) -> int | None:
    if value is None or _is_whole(value, minimum=0, maximum=3650):
        return value
    raise ValueError


def _parse_assistance_items(value: Any) -> tuple[str, ...]:
    if (
        isinstance(value, list)
        and all(isinstance(item, str) and item in ASSISTANCE_ITEM_BY_ID for item in value)
        and len(set(value)) == len(value)
    ):
        return tuple(value)
    raise ValueError


SETTING_FORMATS: Mapping[str, _SettingFormat] = MappingProxyType(
    {
        "recovery_reflection_period": _SettingFormat(
            'an object {"days": N} or {"months": N}, N a whole number of at least 1',
            _parse_period_length,
        ),
        "recovery_period_lasts_until_conclusive_decision": _SettingFormat(
            "true or false", _parse_boolean
        ),
        "removal_stay_until_identification_complete": _SettingFormat(
            "true or false", _parse_boolean
        ),
        "child_age_threshold_years": _SettingFormat(
            "a whole number of years from 1 to 30", _parse_years
        ),
        "child_guardian_appointment_within_days": _SettingFormat(
            "null (no fixed deadline) or a whole number of days from 0 to 3650",
            _parse_optional_days,
        ),
        "assistance_items": _SettingFormat(
            "a list, without repeats, of assistance item ids: " + ", ".join(ASSISTANCE_ITEM_BY_ID),
            _parse_assistance_items,
        ),
        "consular_notification_only_on_request": _SettingFormat("true or false", _parse_boolean),
    }
)
assert set(SETTING_FORMATS) == set(PolicySettings.names()), "every setting needs a format"


def _read_settings(
    reader: ObjectReader, problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Reads {"setting": {"value": …, "source": "…"}, …}; returns values and source notes."""
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for name in SETTING_FORMATS:
        entry = reader.object(name)
        if entry is None:
            continue
        setting_format = SETTING_FORMATS[name]
        note = entry.text(
            "source", required=True, expected="a note saying where the value comes from"
        )
        raw_value = entry.raw("value")
        if not entry.present("value"):  # an explicit null can be a valid value
            entry.problem("value", setting_format.expected)
        else:
            try:
                values[name] = setting_format.parse(raw_value)
            except ValueError:
                problems.append(
                    Problem(
                        join_path(entry.path, "value"),
                        setting_format.expected,
                        describe_found(raw_value),
                    )
                )
        if note is not None:
            notes[name] = note
        entry.finish()
    reader.finish()
    return values, notes


def _below_minimum(settings: PolicySettings, path: str) -> list[Problem]:
    problems = []
    for minimum in INTERNATIONAL_MINIMUMS:
        shortfall = minimum.shortfall(settings.value(minimum.setting))
        if shortfall is not None:
            cited = "; ".join(citation.describe() for citation in minimum.citations)
            problems.append(
                Problem(
                    join_path(path, f"{minimum.setting}.value"),
                    f"no less than the international minimum, {minimum.description} ({cited})",
                    found=shortfall,
                    rule_id=minimum.rule_id,
                )
            )
    return problems


def load_policy(
    source: Mapping[str, Any] | str | os.PathLike[str],
    *,
    baseline: JurisdictionPolicy | None = None,
) -> JurisdictionPolicy:
    """Validates a policy given as a parsed mapping or as the path of a JSON file.

    Settings the policy leaves out are taken from ``baseline`` (by default the bundled
    international minimum). The international policy itself must give every setting.
    """
    if isinstance(source, Mapping):
        data: Any = source
        label = str(source.get("name", "(unnamed)"))
    else:
        path = Path(source)
        label = path.stem
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise PolicyInvalid(label, [Problem("", "a readable JSON file", str(error))]) from None
        except json.JSONDecodeError as error:
            raise PolicyInvalid(
                label, [Problem("", "valid JSON", f"{error.msg} at line {error.lineno}")]
            ) from None

    problems: list[Problem] = []
    top = ObjectReader.of(data, "", problems)
    if top is None:
        raise PolicyInvalid(label, problems)

    name = top.text(
        "name",
        required=True,
        pattern=SLUG_PATTERN,
        expected='a lower-case name such as "example-uk"',
    )
    label = name or label
    title = top.text("title", required=True)
    description = top.text("description") or ""
    country = top.country("country")
    example = top.boolean("example")
    is_international = name == INTERNATIONAL_POLICY_NAME

    settings_reader = top.object("settings", required=True)
    values, notes = _read_settings(settings_reader, problems) if settings_reader else ({}, {})

    if is_international and settings_reader is not None:
        for missing in [s for s in SETTING_FORMATS if not settings_reader.present(s)]:
            problems.append(
                Problem(
                    join_path("settings", missing),
                    "a value: the international minimum gives every setting",
                )
            )
        base = None
    else:
        base = baseline if baseline is not None else international_policy()

    amendment_inputs = []
    for path, element in top.items("amendments", "amendments"):
        reader = ObjectReader.of(element, path, problems)
        if reader is None:
            continue
        effective_from = reader.date("effective_from", required=True)
        changes_reader = reader.object("settings", required=True)
        changes = _read_settings(changes_reader, problems) if changes_reader else ({}, {})
        reader.finish()
        amendment_inputs.append((path, effective_from, changes))
    top.finish()

    if problems:
        raise PolicyInvalid(label, problems)

    assert name is not None and title is not None
    if base is None:
        settings = PolicySettings(**values)
        source_notes = dict(notes)
    else:
        settings = replace(base.settings, **values)
        source_notes = {
            setting: notes.get(setting) or INHERITED_NOTE.format(note=base.source_notes[setting])
            for setting in PolicySettings.names()
        }

    below = _below_minimum(settings, "settings")
    amendments: list[PolicyAmendment] = []
    current_settings, current_notes = settings, source_notes
    previous_date = None
    for path, effective_from, (changed_values, changed_notes) in amendment_inputs:
        assert effective_from is not None
        if previous_date is not None and effective_from <= previous_date:
            problems.append(
                Problem(
                    join_path(path, "effective_from"), "a date later than the amendment before it"
                )
            )
        previous_date = effective_from
        current_settings = replace(current_settings, **changed_values)
        current_notes = {**current_notes, **changed_notes}
        below += _below_minimum(current_settings, join_path(path, "settings"))
        amendments.append(
            PolicyAmendment(
                effective_from=effective_from,
                settings=current_settings,
                source_notes=MappingProxyType(dict(current_notes)),
                changed=tuple(changed_values),
            )
        )
    if problems:
        raise PolicyInvalid(label, problems)
    if below:
        raise PolicyBelowMinimum(label, below)

    return JurisdictionPolicy(
        name=name,
        title=title,
        description=description,
        country=country,
        example=example,
        settings=settings,
        source_notes=MappingProxyType(source_notes),
        amendments=tuple(amendments),
    )


def bundled_policy_names() -> list[str]:
    """The names of the policies shipped with Haven, international first."""
    names = sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files(_BUNDLED_PACKAGE).iterdir()
        if entry.name.endswith(".json")
    )
    names.remove(INTERNATIONAL_POLICY_NAME)
    return [INTERNATIONAL_POLICY_NAME, *names]


@cache
def bundled_policy(name: str) -> JurisdictionPolicy:
    """A policy shipped with Haven, by name; the file's own name must match."""
    known = bundled_policy_names()
    # Checking against the directory listing also keeps a name like "../x" from being a path.
    if name not in known:
        raise PolicyUnknown(name, known)
    text = resources.files(_BUNDLED_PACKAGE).joinpath(f"{name}.json").read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PolicyInvalid(name, [Problem("", "valid JSON", error.msg)]) from None
    policy = load_policy(data)
    if policy.name != name:
        raise PolicyInvalid(name, [Problem("name", f'"{name}", the name of the file', policy.name)])
    return policy


def international_policy() -> JurisdictionPolicy:
    """The international minimum, the default policy."""
    return bundled_policy(INTERNATIONAL_POLICY_NAME)
