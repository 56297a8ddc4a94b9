"""Blocking keys: which pairs of records are compared at all, with block sizes capped.

Names in this data follow a Zipf law: at 100,000 records, "Muhammad" is in 15,000 of
them and the pair "Ahmad + Muhammad" in 2,000. A rule such as "one name part and the
birth year shared" therefore compares pairs in proportion to the square of the data
size, and ran out of memory at a million records. Here every record gets lists of
blocking keys (each list one exploded equality rule in ``settings.py``) whose
blocks are never larger than a cap, so the number of pairs grows with the data, not
with its square.

``blocking_keys`` (any two records sharing a key are compared):

* a pair of name parts (a search pair key, ``names.search_keys``) alone, when few
  records have it (a rare pair names one person whatever the ages say);
* otherwise a name pair or a single name part with each birth year the record can
  have (its interval widened by ``BlockCaps.birth_year_slack`` on each side, so
  records twice the slack apart still meet), refined while the block is larger
  than its cap: first by sex, then by nationality, then (linking,
  ``BlockCaps.place_refinement``) by the record's place (where the person was last
  seen, or found); a block still too large is left out (its pairs are namesakes of
  the same age, sex, nationality and place, far too many to review);
* a single name part alone when very few records have it;
* (linking) the full birth date, when it is not a placeholder such as 1 January:
  a report and a found record written with names that share no key (two
  romanisations of a Cyrillic name) still meet on it.

``undated_blocking_keys`` (linking; compared only when one record of the pair has
no narrow birth interval, a condition ``settings.py`` adds): a common name part
with the sex and a nationality, in blocks that hold such a record. Without it a
record with no birth year and only common names met nobody by name. A block with
more pairs than its cap (below) is refined by place as above, when
``place_refinement``.

``remains_blocking_keys`` (linking; compared only when one record has no name,
unidentified remains): the place of the record with each of its birth years, the
unnamed record's widened by ``REMAINS_BIRTH_YEAR_SLACK`` on each side, whatever
sex and nationality the two records state (a forensic report often has neither,
or another nationality than the family's report).

These two rules compare only the pairs with an undated (unnamed) record, so their
blocks are capped by those pairs, not by their records: the undated (unnamed)
records of a block times all its records, at most as many as the pairs of a full
link block (``max_block_records`` records, half of them reports). A common name
then still meets the few undated records that carry it; the pairs grow with the
number of undated (unnamed) records.

A name part here is a search key of one token or, when ``phonetic_name_parts``, the
token's metaphone code (``name_phonetic``), so that a spelling no key rule foresaw
(Zarifa, Sarifa) still meets its name; the codes go through the same caps as the
keys. The choices are fields of ``BlockCaps``: de-duplication uses none of the
linking-only ones, which did not pay for their pairs there.

Every choice depends only on the size of the block, which both records of a pair
see alike, so two records either meet in a block or are refined apart by the sex,
nationality or place they do not share. Keys are 64-bit hashes (DuckDB's ``hash``) of the
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
    and which keys a job uses (see the module docstring)."""

    rare_pair_key_records: int
    rare_name_key_records: int
    max_block_records: int
    phonetic_name_parts: bool = True
    # Years added on each side of a record's birth-year interval.
    birth_year_slack: int = 1
    # Name part + sex + nationality blocks for records with no narrow birth interval.
    undated_name_blocks: bool = False
    # The full birth date alone (not a placeholder such as 1 January).
    birth_date_blocks: bool = False
    # The place and birth years of unidentified remains (a record with no name).
    remains_place_blocks: bool = False
    # Blocks still too large after the nationality refined by the record's place
    # (where the person was last seen, or found) before they are left out.
    place_refinement: bool = False


# De-duplication: 30 records per block keep a million records within about 30
# pairs per record (bench/RESULTS.md). Linking: a block of n records pairs reports
# with found records only (about n²/4 pairs, not n²/2), and what matters is that
# the person is in the report's ranked list, so the blocks are twice as large.
# Metaphone codes find a report's person when no key rule foresaw the spelling
# (blocking recall 0.938 -> 0.95 at 10k); de-duplication gains nothing from them
# (F1 0.6890 -> 0.6893) and a million records would take 40 % longer.
# The other linking-only keys, at 10k (bench/linkage, seed 0), blocking recall
# 0.950 -> 0.975 and top-10 0.944 -> 0.965 for 116k -> 142k pairs: a birth-year
# slack of 2 (+19 true pairs for +20k pairs; 3 would cost 13k more for 7 more;
# 2 for name pairs only, 1 for single parts, gave recall 0.969 for 124k), undated
# name blocks (+3k), full birth dates (+0.3k), the places of remains (+0.7k).
# At 100k: recall 0.895 -> 0.928, top-10 0.869 -> 0.892, pairs 2.51M -> 2.82M.
# Refining by place the blocks still too large (v2 data, 100k): recall 0.935 ->
# 0.943, pairs 2.82M -> 2.93M, top-10 0.9025 -> 0.9050, top-1 0.7650 -> 0.7634
# (at 10k: recall and top-1 unchanged, 142.2k -> 142.3k pairs, top-10 0.9689 ->
# 0.9685, one report). Refining by every place of the route as well: recall 0.949
# for 3.42M pairs, but top-10 only 0.9042 and top-1 0.7625, the pairs it brings
# being namesakes of one age, sex, nationality and route that the ranking mostly
# cannot tell apart.
DEDUPE_CAPS = BlockCaps(
    rare_pair_key_records=50,
    rare_name_key_records=8,
    max_block_records=30,
    phonetic_name_parts=False,
)
LINK_CAPS = BlockCaps(
    rare_pair_key_records=100,
    rare_name_key_records=8,
    max_block_records=60,
    birth_year_slack=2,
    undated_name_blocks=True,
    birth_date_blocks=True,
    remains_place_blocks=True,
    place_refinement=True,
)
# An interval wider than this (a forensic estimate "20-60") blocks on names only.
MAX_BLOCKING_BIRTH_YEARS = 12

BLOCKING_KEYS_COLUMN = "blocking_keys"
# Keys that bring a pair together only when one of its records has no narrow
# birth interval (``settings.py`` adds that condition).
UNDATED_BLOCKING_KEYS_COLUMN = "undated_blocking_keys"
# Keys that bring a pair together only when one of its records has no name.
REMAINS_BLOCKING_KEYS_COLUMN = "remains_blocking_keys"
# Years allowed between the birth-year intervals of unidentified remains and a
# record (a forensic age estimate is often a few years off the age a family reports).
REMAINS_BIRTH_YEAR_SLACK = 3

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
    create temp table by_place as
    select n.unique_id, hash(n.block, i.place) as block
    from by_nationality as n join inputs as i using (unique_id)
    where {place_refinement} and i.place is not null and n.block in (
        select block from by_nationality group by block having count(*) > {max_block}
    )
    """,
    """
    create temp table undated as
    select n.unique_id, hash(n.name_key, r.sex, r.nationality, 'undated') as block,
        r.birth_year_hi - r.birth_year_lo >= {max_years} or r.birth_year_lo is null as undated
    from name_keys as n
    semi join common_keys as c using (name_key)
    join (
        select unique_id, sex, birth_year_lo, birth_year_hi, unnest(nationalities) as nationality
        from inputs where sex is not null
    ) as r using (unique_id)
    where {undated_name_blocks}
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
    union all
    select unique_id, block from by_place
    where block in (select block from by_place group by block having count(*) <= {max_block})
    union all
    select unique_id, hash(birth_date_exact, 'birth date') from inputs
    where {birth_date_blocks} and birth_date_exact is not null and birth_date_exact in (
        select birth_date_exact from inputs group by all having count(*) <= {max_block}
    )
    """,
    # A record with no name meets the records of its place born within
    # REMAINS_BIRTH_YEAR_SLACK of it (its own years widened, the others' not).
    """
    create temp table remains as
    select unique_id, hash(place, year, 'remains') as block, unnamed from (
        select unique_id, place, unnamed,
            unnest(range(
                birth_year_lo - if(unnamed, {remains_slack}, 0),
                birth_year_hi + if(unnamed, {remains_slack}, 0) + 1
            )) as year
        from (select *, name_canonical is null as unnamed from inputs)
        where {remains_place_blocks} and place is not null
            and birth_year_hi - birth_year_lo < {max_years}
    )
    """,
    # The rules on the next two kinds of keys compare only the pairs with an unnamed
    # (undated) record: a block is kept when it holds one, and its pairs, at most
    # the unnamed (undated) records times all, are no more than a full block's.
    """
    create temp table remains_blocks as
    select unique_id, block from remains
    where block in (
        select block from remains group by block
        having bool_or(unnamed)
            and count(*) filter (where unnamed) * count(*) <= {max_block_pairs}
    )
    """,
    """
    create temp table undated_by_place as
    select n.unique_id, hash(n.block, i.place) as block, n.undated
    from undated as n join inputs as i using (unique_id)
    where {place_refinement} and i.place is not null and n.block in (
        select block from undated group by block
        having bool_or(undated)
            and count(*) filter (where undated) * count(*) > {max_block_pairs}
    )
    """,
    """
    create temp table undated_all as
    select * from undated union all select * from undated_by_place
    """,
    """
    create temp table undated_blocks as
    select unique_id, block from undated_all
    where block in (
        select block from undated_all group by block
        having bool_or(undated)
            and count(*) filter (where undated) * count(*) <= {max_block_pairs}
    )
    """,
)
_RESULT = """
select k.keys, u.keys as undated_keys, r.keys as remains_keys from inputs as i
left join (
    select unique_id, list(distinct (block >> 1)::bigint) as keys from blocks group by unique_id
) as k using (unique_id)
left join (
    select unique_id, list(distinct (block >> 1)::bigint) as keys from undated_blocks
    group by unique_id
) as u using (unique_id)
left join (
    select unique_id, list(distinct (block >> 1)::bigint) as keys from remains_blocks
    group by unique_id
) as r using (unique_id)
order by i.unique_id
"""


def _sql_bool(value: bool) -> str:
    return "true" if value else "false"


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
                    "name_canonical",
                    "name_pair_keys",
                    "name_keys",
                    "name_phonetic",
                    "birth_year_lo",
                    "birth_year_hi",
                    "birth_date_exact",
                    "sex",
                    "nationalities",
                    "place",
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
            "slack": caps.birth_year_slack,
            "max_years": MAX_BLOCKING_BIRTH_YEARS,
            "rare_pair": caps.rare_pair_key_records,
            "rare_name": caps.rare_name_key_records,
            "max_block": caps.max_block_records,
            # a full block of a link job: half reports, half found records
            "max_block_pairs": caps.max_block_records**2 // 4,
            "phonetic": _sql_bool(caps.phonetic_name_parts),
            "undated_name_blocks": _sql_bool(caps.undated_name_blocks),
            "birth_date_blocks": _sql_bool(caps.birth_date_blocks),
            "remains_place_blocks": _sql_bool(caps.remains_place_blocks),
            "place_refinement": _sql_bool(caps.place_refinement),
            "remains_slack": REMAINS_BIRTH_YEAR_SLACK,
        }
        for step in _STEPS:
            connection.execute(step.format(**parameters))
        ordered = connection.sql(_RESULT).to_arrow_table()
    finally:
        connection.close()
    columns = {
        BLOCKING_KEYS_COLUMN: ordered.column("keys"),
        UNDATED_BLOCKING_KEYS_COLUMN: ordered.column("undated_keys"),
        REMAINS_BLOCKING_KEYS_COLUMN: ordered.column("remains_keys"),
    }
    result = []
    offset = 0
    for table in tables:
        for name, column in columns.items():
            part = column.slice(offset, table.num_rows).cast(pa.list_(pa.int64()))
            table = table.append_column(name, part)
        offset += table.num_rows
        result.append(table)
    return result
