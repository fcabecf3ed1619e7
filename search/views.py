from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render

from .query import run_search


def search(request):
    results = run_search(request, request.GET.get("q", ""))
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "search_query": results.query,
            "query_string": urlencode({"q": results.query}),
        },
    )


def search_api(request):
    results = run_search(request, request.GET.get("q", ""))
    hits = results.page.object_list if results.page else []
    return JsonResponse(
        {
            "count": results.count,
            "results": [hit.as_dict() for hit in hits],
            "facets": results.facets,
        },
        json_dumps_params={"ensure_ascii": False},
    )
