"""The systems the harness compares; each module has ``link(data, params)`` and
``dedupe(data, params)`` returning ``common.RunOutput``, and
``blocking_stats(output, job, data)`` for the untimed count of blocked pairs."""

MODULES = {
    "haven": "haven_engine",
    "haven-nolabels": "haven_engine",
    "splink-generic": "splink_generic",
    "recordlinkage": "reclink",
}
