"""The one pagination helper: every listing page and view uses it."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page"):
    """Return the requested page of ``object_list``; bad page numbers fall back
    to the first or last page instead of raising (no 404/500 on ``?page=abc``)."""
    paginator = Paginator(object_list, per_page)
    number = request.GET.get(param, 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
