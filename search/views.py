"""/recherche/ (HTML), /recherche/api/ (JSON) and /recherche/suggestions/."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import asides, registry, service
from .backends.base import (
    FACETS,
    MAX_QUERY_LENGTH,
    MAX_QUERY_WORDS,
    SearchQuery,
    plain,
)

PER_PAGE = 10


def query_from(request):
    try:
        page = int(request.GET.get("page", 1))
    except ValueError:
        page = 1
    return SearchQuery(
        text=request.GET.get("q", ""),
        filters={name: request.GET.get(name, "") for name in FACETS},
        sort=request.GET.get("sort", "relevance"),
        page=min(max(page, 1), 10_000),
        per_page=PER_PAGE,
    )


def note_a_cut_query(request, query, results):
    """Say so when a long query was cut (SearchQuery keeps its beginning)."""
    if " ".join(request.GET.get("q", "").split()) != query.text:
        cut = _(
            "Votre recherche était trop longue : seuls ses %(words)s premiers mots, "
            "et %(max)s caractères au plus, ont été pris en compte."
        ) % {"words": MAX_QUERY_WORDS, "max": MAX_QUERY_LENGTH}
        results.notice = " ".join(filter(None, [results.notice, cut]))


def facet_labels(results, user):
    """Readable names for facet values, from the apps that registered them
    (``registry.register_facet_labels``): for instance community names, only
    for the communities the searcher may know (facet values already come from
    visible items)."""
    facets = results.facets
    titles = {
        "type": _("Type de contenu"),
        "theme": _("Thème"),
        "site": _("Site"),
        "year": _("Année"),
        "community": _("E-communauté"),
    }
    groups = []
    for name in FACETS:
        counts = facets.get(name, {})
        if name == "type":
            labels = facets.get("type_labels", {})
        else:
            labels = registry.facet_labels(name, list(counts), user)
        values = [
            (value, str(labels.get(value, value)), count)
            for value, count in counts.items()
            if labels.get(value, value) is not None
        ]
        if values:
            groups.append((name, titles[name], values))
    return groups


def search(request):
    query = query_from(request)
    results = service.search(request.user, query)
    note_a_cut_query(request, query, results)
    base = {"q": query.text, **query.filters}
    if query.sort != "relevance":
        base["sort"] = query.sort

    def url_with(**changes):
        params = {**base, **changes}
        return "?" + urlencode({k: v for k, v in params.items() if v})

    facet_groups = []
    for name, title, values in facet_labels(results, request.user):
        facet_groups.append(
            (
                title,
                [
                    (
                        label,
                        count,
                        query.filters.get(name) == value,
                        url_with(
                            **{name: "" if query.filters.get(name) == value else value}
                        ),
                    )
                    for value, label, count in values
                ],
            )
        )
    from django.core.paginator import Paginator

    paginator = Paginator(range(results.total), PER_PAGE)
    page_obj = paginator.get_page(query.page) if results.total else None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "search_query": query.text,
            "facet_groups": facet_groups,
            "page_obj": page_obj,
            "query_string": urlencode({k: v for k, v in base.items() if v}),
            "sort_relevance_url": url_with(sort=""),
            "sort_date_url": url_with(sort="date"),
            "suggestion_url": url_with(q=results.suggestion)
            if results.suggestion
            else "",
            "asides": asides.rendered_asides(request, query, results)
            if query.text
            else [],
        },
    )


def search_api(request):
    query = query_from(request)
    results = service.search(request.user, query)
    note_a_cut_query(request, query, results)
    return JsonResponse(
        {
            "count": results.total,
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "snippet": plain(hit.snippet),
                    "snippet_html": hit.snippet,
                }
                for hit in results.hits
            ],
            "facets": {
                name: values
                for name, values in results.facets.items()
                if name != "type_labels"
            },
            "suggestion": results.suggestion,
            "corrected_from": results.corrected_from,
            "notice": results.notice,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def suggestions(request):
    prefix = " ".join(request.GET.get("q", "").split()[:MAX_QUERY_WORDS])[:100]
    hits = service.suggest(request.user, prefix) if len(prefix.strip()) >= 2 else []
    return JsonResponse(
        {
            "results": [
                {"title": h.title, "url": h.url, "type": h.type_label} for h in hits
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )
