"""What makemessages extracts from a pure package: the literal arguments of
the i18n markers, and checks that a message can be translated."""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path

from haven.kernel.i18n import Message, Text, english

MARKERS = {"gettext_noop": 1, "ngettext_lazy": 2}


@cache
def extracted_msgids(package_directory: Path) -> frozenset[str]:
    """The strings xgettext would take from the package's source: literal arguments
    of the markers (adjacent literals joined, as Python and xgettext both do)."""
    found: set[str] = set()
    for path in package_directory.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
            ):
                for argument in node.args[: MARKERS[node.func.id]]:
                    assert isinstance(argument, ast.Constant) and isinstance(argument.value, str), (
                        f"{path.name}:{node.lineno}: a marker needs a literal string"
                    )
                    found.add(argument.value)
    return frozenset(found)


def messages_in(item: Message | Text):  # type: ignore[no-untyped-def]
    parts = item.parts if isinstance(item, Text) else (item,)
    for part in parts:
        yield part
        for _name, value in part.params:
            if isinstance(value, Message):
                yield from messages_in(value)
            elif isinstance(value, tuple):
                for nested in value:
                    yield from messages_in(nested)


def assert_translatable(item: Message | Text, msgids: frozenset[str]) -> None:
    for part in messages_in(item):
        assert part.msgid in msgids, f"not marked for translation: {part.msgid!r}"
        if part.plural is not None:
            assert part.plural in msgids, part.plural
        placeholders = {
            name for _t, name, _f, _c in string.Formatter().parse(part.msgid) if name is not None
        }
        assert placeholders == {name for name, _v in part.params}, part.msgid
    assert english(item).strip()
