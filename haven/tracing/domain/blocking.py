"""Blocking keys: which pairs of records are compared at all, with block sizes capped.

Names in this data follow a Zipf law: at 100,000 records, "Muhammad" is in 15,000 of
them and the pair "Ahmad + Muhammad" in 2,000. A rule such as "one name part and the
birth year shared" therefore compares pairs in proportion to the square of the data
size, and ran out of memory at a million records. Here every record gets a list of
blocking keys (``blocking_keys``, one exploded equality rule in ``settings.py``) whose
blocks are never larger than a cap, so the number of pairs grows with the data, not
with its square:

* a pair of name parts (a search pair key, ``names.search_keys``) alone, when few
  records have it (a rare pair names one person whatever the ages say);
* otherwise a name pair or a single name part with each birth year the record can
  have (its interval widened by ``BIRTH_YEAR_SLACK`` on each side, so a year apart
  still meets), refined while the block is larger than its cap: first
  by sex, then by nationality; a block still too large is left out (its pairs are
  namesakes of the same age, sex and nationality, far too many to review);
* a single name part alone when very few records have it.

A name part here is a search key of one token or the token's metaphone code
(``name_phonetic``), so that a spelling no key rule foresaw (Zarifa, Sarifa) still
meets its name; the codes go through the same caps as the keys.

A record with no birth year and only common names gets no key (it is compared only
through the rules for unnamed remains); the caps are in ``BlockCaps``.

Every choice depends only on the size of the block, which both records of a pair
see alike, so two records either meet in a block or are refined apart by the sex or
nationality they do not share. Keys are 64-bit hashes (DuckDB's ``hash``) of the
block's text, computed here with DuckDB whatever the backend, so Spark joins the
same integers as DuckDB.

No Django here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class BlockCaps:
    """The caps, in records per block (both files of a link job counted together),
    and whether name parts' metaphone codes block too."""

    rare_pair_key_records: int
    rare_name_key_records: int
    max_block_records: int
    phonetic_name_parts: bool = True


# De-duplication: 30 records per block keep a million records within about 30
# pairs per record (bench/RESULTS.md). Linking: a block of n records pairs reports
# with found records only (about n²/4 pairs, not n²/2), and what matters is that
# the person is in the report's ranked list, so the blocks are twice as large.
# Metaphone codes find a report's person when no key rule foresaw the spelling
# (blocking recall 0.938 -> 0.95 at 10k); de-duplication gains nothing from them
# (F1 0.6890 -> 0.6893) and a million records would take 40 % longer.
DEDUPE_CAPS = BlockCaps(
    rare_pair_key_records=50,
    rare_name_key_records=8,
    max_block_records=30,
    phonetic_name_parts=False,
)
LINK_CAPS = BlockCaps(rare_pair_key_records=100, rare_name_key_records=8, max_block_records=60)
# Years added on each side of a record's birth-year interval for blocking.
BIRTH_YEAR_SLACK = 1
# An interval wider than this (a forensic estimate "20-60") blocks on names only.
MAX_BLOCKING_BIRTH_YEARS = 12

BLOCKING_KEYS_COLUMN = "blocking_keys"

# One statement per step, each a table: DuckDB's window functions were several
# times slower here than a GROUP BY joined back.
_STEPS = (
    """
    create temp table name_keys as
    select distinct unique_id, pair, hash(name_key) as name_key from (
        select unique_id, true as pair, unnest(name_pair_keys) as name_key from inputs
        union all
        select unique_id, false as pair, unnest(name_keys) as name_key from inputs
        union all
        -- '~' keeps a metaphone code apart from a search key spelled alike
        select unique_id, false as pair, '~' || unnest(name_phonetic) as name_key from inputs
        where {phonetic}
    )
    """,
    """
    create temp table common_keys as
    select name_key from name_keys group by name_key, pair
    having count(*) > case when pair then {rare_pair} else {rare_name} end
    """,
    """
    create temp table dated as
    select n.unique_id, n.name_key, y.year, r.sex, r.nationalities
    from name_keys as n
    semi join common_keys as c using (name_key)
    join (
        select unique_id,
            unnest(range(birth_year_lo - {slack}, birth_year_hi + {slack} + 1)) as year
        from inputs
        where birth_year_hi - birth_year_lo < {max_years}
    ) as y using (unique_id)
    join inputs as r using (unique_id)
    """,
    """
    create temp table large_years as
    select name_key, year from dated group by all having count(*) > {max_block}
    """,
    """
    create temp table large_sexes as
    select name_key, year, sex from dated semi join large_years using (name_key, year)
    group by all having count(*) > {max_block}
    """,
    """
    create temp table by_nationality as
    select unique_id, hash(name_key, year, sex, nationality) as block from (
        select unique_id, name_key, year, sex, unnest(nationalities) as nationality
        from dated semi join large_sexes using (name_key, year, sex)
    )
    """,
    """
    create temp table blocks as
    select unique_id, name_key as block from name_keys anti join common_keys using (name_key)
    union all
    select unique_id, hash(name_key, year) from dated anti join large_years using (name_key, year)
    union all
    select unique_id, hash(name_key, year, sex) from dated
    semi join large_years using (name_key, year)
    anti join large_sexes using (name_key, year, sex)
    where sex is not null
    union all
    select unique_id, block from by_nationality
    where block in (select block from by_nationality group by block having count(*) <= {max_block})
    """,
)
_RESULT = """
select k.keys from inputs as i
left join (
    select unique_id, list(distinct (block >> 1)::bigint) as keys from blocks group by unique_id
) as k using (unique_id)
order by i.unique_id
"""


def with_blocking_keys(tables: Sequence[pa.Table], caps: BlockCaps = DEDUPE_CAPS) -> list[pa.Table]:
    """``tables`` (feature tables of one job) each with a ``blocking_keys`` column.

    Block sizes are counted over all the tables together; a record with no key
    (no name) gets ``None``.
    """
    import duckdb

    inputs = pa.concat_tables(
        [
            table.select(
                [
                    "unique_id",
                    "name_pair_keys",
                    "name_keys",
                    "name_phonetic",
                    "birth_year_lo",
                    "birth_year_hi",
                    "sex",
                    "nationalities",
                ]
            )
            for table in tables
        ]
    )
    # unique_id is unique per table, not across them (a link job's two files): the
    # row number stands for the record, and keeps the input order.
    inputs = inputs.set_column(0, "unique_id", pa.array(range(inputs.num_rows), pa.int64()))
    connection = duckdb.connect()
    try:
        connection.register("inputs", inputs)
        parameters = {
            "slack": BIRTH_YEAR_SLACK,
            "max_years": MAX_BLOCKING_BIRTH_YEARS,
            "rare_pair": caps.rare_pair_key_records,
            "rare_name": caps.rare_name_key_records,
            "max_block": caps.max_block_records,
            "phonetic": "true" if caps.phonetic_name_parts else "false",
        }
        for step in _STEPS:
            connection.execute(step.format(**parameters))
        ordered = connection.sql(_RESULT).to_arrow_table()
    finally:
        connection.close()
    column = ordered.column("keys").cast(pa.list_(pa.int64()))
    result = []
    offset = 0
    for table in tables:
        part = column.slice(offset, table.num_rows)
        offset += table.num_rows
        result.append(table.append_column(BLOCKING_KEYS_COLUMN, part))
    return result
