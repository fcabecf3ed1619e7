"""« Posez la question à la communauté »: under the results of a search
(``search.asides`` registry), the offer to open a thread whose title is the
query, in a space the member may post in, with the threads that already ask
something close. The thread is indexed like any other: once it is open (and
answered), the same search finds it."""

from django.urls import reverse

from community.members import policy
from home.filters import clean_text
from search import service
from search.asides import register_results_aside
from search.backends.base import SearchQuery

from .models.threads import TITLE_MAX_LENGTH
from .search_adapters import ThreadAdapter
from .spaces import THREAD_SPACE_KINDS, kind_of, space_name

CLOSE_THREADS = 5
#: The words of a query that say little on their own (a close thread must
#: share one of the others).
SMALL_WORDS = {
    "avec",
    "cette",
    "comment",
    "dans",
    "elle",
    "être",
    "faire",
    "leur",
    "leurs",
    "mais",
    "nous",
    "pour",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "sans",
    "sont",
    "sous",
    "vous",
}
MAX_WORDS = 4


def question_title(value):
    """A GET parameter made a thread title: no control characters, spaces
    collapsed, at most the title's length."""
    return clean_text(value, max_length=TITLE_MAX_LENGTH)


def postable_spaces(user):
    """The spaces where ``user`` may open a thread: their e-communautés, their
    équipes apprenantes and their teams' défis, as (key, label) choices."""
    p = policy.principals(user)
    if not p.authenticated:
        return []
    candidates = []
    for kind in THREAD_SPACE_KINDS:
        model = kind.model
        if kind.field == "community":
            spaces = model._default_manager.filter(pk__in=p.communities)
        elif kind.field == "team":
            spaces = model._default_manager.filter(pk__in=p.teams)
        else:
            spaces = model._default_manager.filter(teams__in=p.teams).distinct()
        candidates += list(spaces.order_by("pk"))
    return [
        (
            f"{kind_of(space).key}:{space.slug}",
            f"{kind_of(space).label} — {space_name(space)}",
        )
        for space in candidates
        if policy.can_contribute(user, space)
    ]


def _words(text):
    words = [w for w in text.split() if len(w) >= 4 and w.casefold() not in SMALL_WORDS]
    words.sort(key=len, reverse=True)
    return words[:MAX_WORDS] or text.split()[:1]


def close_threads(user, text):
    """Threads the user may read that share the query's telling words, the
    ones sharing most first (each word is searched alone: a search needs
    every word, a close question only some)."""
    found = {}
    for rank, word in enumerate(_words(text)):
        results = service.search(
            user,
            SearchQuery(
                text=word, filters={"type": ThreadAdapter.type}, per_page=CLOSE_THREADS
            ),
        )
        for position, hit in enumerate(results.hits):
            score, first, _hit = found.get(hit.url, (0, (rank, position), hit))
            found[hit.url] = (score + 1, min(first, (rank, position)), hit)
    ordered = sorted(found.values(), key=lambda item: (-item[0], item[1]))
    return [hit for _score, _first, hit in ordered[:CLOSE_THREADS]]


def ask_context(request, query, results):
    """The aside's context: always for a query (members judge the results),
    open when nothing was found."""
    title = question_title(query.text)
    if not title:
        return None
    user = request.user
    return {
        "question": title,
        "nothing_found": not results.total,
        "close_threads": close_threads(user, title),
        "spaces": postable_spaces(user) if user.is_authenticated else [],
        "ask_url": reverse("discussions:ask"),
    }


def register():
    register_results_aside(
        "poser-la-question",
        "discussions/includes/search_ask.html",
        ask_context,
        order=50,
    )
