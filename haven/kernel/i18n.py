"""Messages that are translated where they are shown, not where they are made.

The pure packages (the rules engine above all) explain themselves in sentences, but they
cannot know who will read them: a French caseworker, an Arabic-speaking decision maker,
an English developer at the command line. So they never format a sentence. They mark
their source strings with ``gettext_noop`` (or ``ngettext_lazy`` for a sentence that
depends on a count), which Django's ``makemessages`` extracts into the catalogues, and
return a ``Message``: the message id plus its parameters. A ``Text`` is several messages
shown one after the other (a rule adds a sentence when a policy says more).

The Django layer stores messages as JSON (``to_json`` / ``from_json``) and renders them
in the reader's language with a ``Translator``; ``english`` renders them untranslated,
with ISO dates, for the command line and for tests.

Parameters are plain text (names a person gave, an offence as charged: never translated),
whole numbers, dates (formatted for the reader's locale), another message (a label such
as "arrest", translated in turn) or a list of messages (joined with "; ").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeAlias, Union

COUNT = "count"
LIST_SEPARATOR = "; "
PART_SEPARATOR = " "


def gettext_noop(message: str) -> str:
    """Marks ``message`` for the translation catalogues and returns it unchanged.

    Named after Django's function of the same meaning so that ``makemessages`` (xgettext)
    finds the strings, without the pure packages importing Django.
    """
    return message


# How items of a list parameter are joined, one more at a time, in the reader's
# language (Arabic writes "؛", French puts a space before ";").
LIST_JOIN = gettext_noop("{items_so_far}; {next_item}")


@dataclass(frozen=True, slots=True)
class PluralMsgid:
    """A message id with a singular and a plural form, chosen by the ``count`` parameter."""

    singular: str
    plural: str


def ngettext_lazy(singular: str, plural: str) -> PluralMsgid:
    """Marks a sentence that depends on a count; the count is given later as ``count``.

    The name is the one xgettext knows for a plural message (Django's lazy plural, also
    resolved only when the count is known); nothing here imports Django.
    """
    return PluralMsgid(singular, plural)


Param: TypeAlias = Union[str, int, date, "Message", tuple["Message", ...]]


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence (or a label) to translate: its message id and its parameters.

    Build it with ``message(TEMPLATE, name=value, ...)``. Parameters are kept sorted by
    name, so two messages with the same id and values are equal however they were built.
    """

    msgid: str
    params: tuple[tuple[str, Param], ...] = ()
    plural: str | None = None

    def __post_init__(self) -> None:
        if not self.msgid.strip():
            raise ValueError("a message needs a message id")
        if self.plural is not None and not isinstance(self.param(COUNT), int):
            raise ValueError(f"plural message {self.msgid!r} needs a whole-number {COUNT!r}")

    def param(self, name: str) -> Param | None:
        return dict(self.params).get(name)

    def __add__(self, other: Message | Text) -> Text:
        return Text((self,)) + other


@dataclass(frozen=True, slots=True)
class Text:
    """Messages shown together, each translated on its own, joined by a space."""

    parts: tuple[Message, ...]

    def __post_init__(self) -> None:
        if not self.parts:
            raise ValueError("a text needs at least one message")

    def __add__(self, other: Message | Text) -> Text:
        more = other.parts if isinstance(other, Text) else (other,)
        return Text(self.parts + more)


def message(template: str | PluralMsgid, /, **params: Param | list[Message]) -> Message:
    """``message(GUARDIAN_DEADLINE_TEXT, days=14)``; a list parameter becomes a tuple."""
    for name, value in params.items():
        _check_param(name, value)
    normalised = tuple(
        sorted(
            (name, tuple(value) if isinstance(value, list) else value)
            for name, value in params.items()
        )
    )
    if isinstance(template, PluralMsgid):
        return Message(template.singular, normalised, template.plural)
    return Message(template, normalised)


def text(*parts: Message | Text) -> Text:
    """One ``Text`` from messages and texts, in order."""
    flat: list[Message] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, Text) else (part,))
    return Text(tuple(flat))


def _check_param(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, str | int | date | Message | list | tuple):
        raise TypeError(f"message parameter {name!r} cannot be a {type(value).__name__}")
    if isinstance(value, list | tuple) and not all(isinstance(v, Message) for v in value):
        raise TypeError(f"message parameter {name!r}: a list holds messages only")


# --- rendering ---------------------------------------------------------------------------


class Translator(Protocol):
    """How one reader's language turns message ids, counts and dates into text."""

    def gettext(self, msgid: str) -> str: ...

    def ngettext(self, singular: str, plural: str, count: int) -> str: ...

    def format_date(self, day: date) -> str: ...

    def format_number(self, number: int) -> str: ...


class EnglishTranslator:
    """The source strings as written, dates as YYYY-MM-DD: for the command line and tests."""

    def gettext(self, msgid: str) -> str:
        return msgid

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def format_date(self, day: date) -> str:
        return day.isoformat()

    def format_number(self, number: int) -> str:
        return str(number)


ENGLISH = EnglishTranslator()


def render(item: Message | Text, translator: Translator = ENGLISH) -> str:
    """The text of a message (or of a text's messages, joined) in the translator's language.

    A translation whose placeholders do not match the message's parameters (a slip in a
    catalogue) falls back to the source string rather than failing the page.
    """
    if isinstance(item, Text):
        return PART_SEPARATOR.join(render(part, translator) for part in item.parts)
    values = {name: _render_param(value, translator) for name, value in item.params}
    if item.plural is not None:
        count = item.param(COUNT)
        assert isinstance(count, int)
        template = translator.ngettext(item.msgid, item.plural, count)
        source = item.msgid if count == 1 else item.plural
    else:
        template = translator.gettext(item.msgid)
        source = item.msgid
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return source.format(**values)


def _joined(items: list[str], translator: Translator) -> str:
    if not items:
        return ""
    template = translator.gettext(LIST_JOIN)
    joined = items[0]
    for item in items[1:]:
        try:
            joined = template.format(items_so_far=joined, next_item=item)
        except (KeyError, IndexError, ValueError):  # a slip in a catalogue
            joined = LIST_SEPARATOR.join((joined, item))
    return joined


def english(item: Message | Text) -> str:
    """The untranslated text, dates as YYYY-MM-DD."""
    return render(item, ENGLISH)


def _render_param(value: Param, translator: Translator) -> str:
    if isinstance(value, Message):
        return render(value, translator)
    if isinstance(value, tuple):
        return _joined([render(part, translator) for part in value], translator)
    if isinstance(value, date):
        return translator.format_date(value)
    if isinstance(value, int):
        return translator.format_number(value)
    return value


# --- JSON ----------------------------------------------------------------------------------
#
# message := {"id": msgid, "params": {name: param, ...}, "plural": msgid}  (params, plural
#            only when present)
# param   := string | integer | {"date": "YYYY-MM-DD"} | message | {"list": [message, ...]}
# text    := [message, ...]


def to_json(item: Message | Text) -> Any:
    """JSON-ready data for a message (an object) or a text (a list of objects)."""
    if isinstance(item, Text):
        return [to_json(part) for part in item.parts]
    data: dict[str, Any] = {"id": item.msgid}
    if item.params:
        data["params"] = {name: _param_to_json(value) for name, value in item.params}
    if item.plural is not None:
        data["plural"] = item.plural
    return data


def _param_to_json(value: Param) -> Any:
    if isinstance(value, Message):
        return to_json(value)
    if isinstance(value, tuple):
        return {"list": [to_json(part) for part in value]}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


class MessageDataInvalid(ValueError):
    """Stored message data that is not in the format ``to_json`` writes."""


def from_json(data: Any) -> Message | Text:
    """The message or text ``to_json`` wrote; MessageDataInvalid for anything else."""
    if isinstance(data, list):
        if not data:
            raise MessageDataInvalid("a text needs at least one message")
        return Text(tuple(_message_from_json(part) for part in data))
    return _message_from_json(data)


def _message_from_json(data: Any) -> Message:
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        raise MessageDataInvalid(f"not a message: {data!r}")
    params = data.get("params", {})
    if not isinstance(params, Mapping):
        raise MessageDataInvalid(f"message parameters are not an object: {params!r}")
    plural = data.get("plural")
    try:
        return Message(
            data["id"],
            tuple(sorted((name, _param_from_json(value)) for name, value in params.items())),
            plural if isinstance(plural, str) else None,
        )
    except (TypeError, ValueError) as error:
        raise MessageDataInvalid(str(error)) from error


def _param_from_json(value: Any) -> Param:
    if isinstance(value, bool):
        raise MessageDataInvalid(f"not a message parameter: {value!r}")
    if isinstance(value, str | int):
        return value
    if isinstance(value, Mapping) and set(value) == {"date"}:
        return date.fromisoformat(value["date"])
    if isinstance(value, Mapping) and set(value) == {"list"}:
        return tuple(_message_from_json(part) for part in _iterable(value["list"]))
    return _message_from_json(value)


def _iterable(value: Any) -> Iterable[Any]:
    if not isinstance(value, list):
        raise MessageDataInvalid(f"not a list: {value!r}")
    return value
