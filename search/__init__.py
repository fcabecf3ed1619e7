"""The one search of the site (/recherche/) and its back ends.

``search`` imports no domain app (``lint-imports`` checks it): each app
registers from its ``ready()`` what it indexes (adapters), the names of facet
values, and — the permission policy — who may find what (audience tokens);
see ``registry.py``.
"""
