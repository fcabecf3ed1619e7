"""The search tests that need the apps' content (communities, pages,
documents): they live here because ``search`` imports no domain app, and use
the search suite's fixtures."""

from search.tests.conftest import indexed  # noqa: F401
