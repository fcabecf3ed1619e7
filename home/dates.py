"""Dates of content that belongs to a past édition.

A défi of 2017 or an édition of 2018 is dated by its édition, not by the day
the site was filled: these helpers turn the days pages carry (an édition's
first day, a call's opening) into the aware datetimes that Wagtail's
publication dates and the search index hold.
"""

from datetime import datetime, time

from django.utils import timezone


def as_datetime(day):
    """Noon of ``day`` in the site's time zone (a whole day, whatever the zone)."""
    if day is None or isinstance(day, datetime):
        return day
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def date_pages(pages, first, last=None):
    """Give ``pages`` these publication dates (first and last publication).

    Used by the demo for content of past éditions: the home page's
    « Nouveautés », the API, feeds and the sitemap's ``lastmod`` then tell the
    édition's dates. A later edit by an editor moves ``last_published_at`` on,
    as it should.
    """
    from wagtail.models import Page

    first = as_datetime(first)
    last = as_datetime(last) or first
    pks = [page.pk for page in pages]
    Page.objects.filter(pk__in=pks).exclude(
        first_published_at=first, last_published_at=last
    ).update(first_published_at=first, last_published_at=last)
    for page in pages:
        page.first_published_at, page.last_published_at = first, last
