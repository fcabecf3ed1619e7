"""Benchmarks (scripts/bench): the test settings with both search back ends, so
that the same content is measured on the database and on Elasticsearch."""

from .test import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "elasticsearch": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ELASTICSEARCH_URLS,  # noqa: F405
        "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX + "wagtail_",  # noqa: F405
        "TIMEOUT": 10,
        "OPTIONS": dict(ELASTICSEARCH_CLIENT_OPTIONS),  # noqa: F405
        "INDEX_SETTINGS": {"settings": {"index": ELASTICSEARCH_REPLICAS}},  # noqa: F405
    },
}

# Benchmarks rebuild whole indexes of large content in single statements: no
# statement timeout (the site's own limit is measured by the load part).
DATABASE_STATEMENT_TIMEOUT = 0
DATABASES["default"].get("OPTIONS", {}).pop("options", None)  # noqa: F405
