"""Record linkage for tracing, on Splink; no Django.

``records`` (the record and its CSV format), ``features`` (the columns Splink
compares), ``settings`` (the model: comparisons, blocking, priors), ``engine``
(``link`` and ``dedupe``), ``cli_io`` (the files of ``haven link``).
"""
