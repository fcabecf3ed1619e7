"""The one pagination helper: every listing page and view uses it."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page"):
    """Return the requested page of ``object_list``; bad page numbers fall back
    to the first or last page instead of raising (no 404/500 on ``?page=abc``).

    The page carries its GET parameter (``param``: two lists on one page each
    have their own) and an elided range of page numbers, so that the links
    (``home/includes/pagination.html``) stay few however long the list grows."""
    paginator = Paginator(object_list, per_page)
    number = request.GET.get(param, 1)
    try:
        page = paginator.page(number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    page.param = param
    page.elided_range = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page
