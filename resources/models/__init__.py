"""Models of the resource libraries.

Imports point one way: ``indexes`` (the library index pages) imports ``pages``
and ``documents``; those import only ``base`` and the ``home`` app.
"""

from .documents import ResourceDocument
from .imports import TrelloImport
from .indexes import (
    LIBRARY_PAGE_TYPES,
    DocumentIndexPage,
    GlossaryIndexPage,
    LibraryIndexPage,
    MethodIndexPage,
    ResourcesIndexPage,
    RoleIndexPage,
)
from .pages import (
    RESOURCE_PAGE_MODELS,
    GlossaryTermPage,
    GlossaryTermPageTag,
    MethodPage,
    MethodPageTag,
    RolePage,
    RolePageTag,
    filter_methods,
    first_letter,
)

__all__ = [
    "RESOURCE_PAGE_MODELS",
    "GlossaryTermPage",
    "GlossaryTermPageTag",
    "MethodPage",
    "MethodPageTag",
    "ResourceDocument",
    "TrelloImport",
    "RolePage",
    "RolePageTag",
    "filter_methods",
    "first_letter",
    "LIBRARY_PAGE_TYPES",
    "DocumentIndexPage",
    "GlossaryIndexPage",
    "LibraryIndexPage",
    "MethodIndexPage",
    "ResourcesIndexPage",
    "RoleIndexPage",
]
