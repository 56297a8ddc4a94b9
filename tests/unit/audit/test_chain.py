"""The audit chain's maths, without Django."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.audit.domain.chain import (
    GENESIS_HASH,
    CanonicalEncodingError,
    ChainedEntry,
    canonical_json,
    entry_hash,
    verify_chain,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
contents = st.dictionaries(st.text(min_size=1, max_size=8), json_values, min_size=1, max_size=5)


def build_chain(items: list[dict]) -> list[ChainedEntry]:
    chain, previous = [], GENESIS_HASH
    for sequence, content in enumerate(items, start=1):
        digest = entry_hash(previous, content)
        chain.append(ChainedEntry(sequence, content, previous, digest))
        previous = digest
    return chain


@given(st.lists(contents, min_size=1, max_size=8))
def test_an_untouched_chain_verifies(items):
    assert verify_chain(build_chain(items)) is None


@given(st.lists(contents, min_size=2, max_size=8), st.data())
def test_editing_any_entry_is_detected(items, data):
    chain = build_chain(items)
    index = data.draw(st.integers(0, len(chain) - 1))
    edited = dict(chain[index].content)
    edited["__tampered__"] = True
    chain[index] = dataclasses.replace(chain[index], content=edited)
    failure = verify_chain(chain)
    assert failure is not None
    assert failure.sequence == index + 1
    assert "edited" in failure.reason


@given(st.lists(contents, min_size=3, max_size=8), st.data())
def test_deleting_an_entry_is_detected(items, data):
    chain = build_chain(items)
    index = data.draw(st.integers(0, len(chain) - 2))
    del chain[index]
    failure = verify_chain(chain)
    assert failure is not None
    assert failure.sequence == index + 2


def test_reordering_is_detected():
    chain = build_chain([{"a": 1}, {"a": 2}, {"a": 3}])
    chain[0], chain[1] = chain[1], chain[0]
    failure = verify_chain(chain)
    assert failure is not None and failure.sequence == 2


def test_rehashing_an_edited_entry_still_breaks_the_next_link():
    chain = build_chain([{"a": 1}, {"a": 2}, {"a": 3}])
    forged_content = {"a": 99}
    forged_hash = entry_hash(chain[0].hash, forged_content)
    chain[1] = dataclasses.replace(chain[1], content=forged_content, hash=forged_hash)
    failure = verify_chain(chain)
    assert failure is not None
    assert failure.sequence == 3
    assert "link" in failure.reason


@given(contents)
def test_canonical_encoding_ignores_key_order(content):
    reversed_content = dict(reversed(list(content.items())))
    assert canonical_json(content) == canonical_json(reversed_content)


def test_floats_are_refused():
    with pytest.raises(CanonicalEncodingError, match="floats"):
        canonical_json({"x": 1.5})
