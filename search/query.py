"""Search over what an anonymous visitor may see: live, public pages.

This is the foundation's search; the search issue replaces the body of
``run_search`` with the permission-aware service over every content type,
keeping this signature and the result shape that the views and the JSON API use.
"""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page

from home.pagination import paginate

SNIPPET_WORDS = 40


@dataclass
class SearchHit:
    title: str
    url: str
    type: str
    snippet: str

    def as_dict(self):
        return {
            "title": self.title,
            "url": self.url,
            "type": self.type,
            "snippet": self.snippet,
        }


@dataclass
class SearchResults:
    query: str
    page: object = None  # a django Page of SearchHit
    facets: dict = field(default_factory=dict)

    @property
    def count(self):
        return self.page.paginator.count if self.page else 0


def snippet_for(page):
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return Truncator(strip_tags(str(text))).words(SNIPPET_WORDS)


def run_search(request, query, per_page=10):
    query = (query or "").strip()
    if not query:
        return SearchResults(query="")
    pages = Page.objects.live().public().specific().search(query)
    page_of_results = paginate(request, pages, per_page)
    page_of_results.object_list = [
        SearchHit(
            title=result.title,
            url=result.get_url(request=request),
            type=str(result._meta.verbose_name),
            snippet=snippet_for(result),
        )
        for result in page_of_results.object_list
    ]
    return SearchResults(query=query, page=page_of_results)
