"""The embedded back end: the ``SearchEntry`` table, on SQLite or PostgreSQL.

Both databases fold accents, stem French words and match word prefixes:
SQLite through ``search.normalize`` (Snowball French, the stemmer Elasticsearch
uses too) on pre-computed term columns; PostgreSQL through the
``french_unaccent`` text-search configuration (a migration creates it) on a
weighted tsvector, ranked with ``ts_rank``.
"""

import difflib
from collections import Counter

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank, SearchVector
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Case, Count, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL

from .. import normalize
from ..models import SearchEntry
from .base import SearchBackend, SearchHit, SearchResults, highlight

PG_CONFIG = "french_unaccent"
# SQLite's FTS5 index of the entries' terms (migration search/0003).
FTS = "search_searchentry_fts"


def tokens_text(values):
    return " " + " ".join(str(v) for v in values) + " "


def fts_expression(text):
    """The FTS5 query of ``text``: every searched word, through any of its forms
    (stem or folded word), as a prefix; None when no word is searchable. Forms
    are ``\\w+`` only and quoted, so no FTS5 syntax comes from the searcher."""
    alternatives = normalize.alternatives(text)
    if not alternatives:
        return None
    return " AND ".join(
        "(" + " OR ".join(f'"{form}"*' for form in sorted(forms)) + ")"
        for forms in alternatives
    )


def audience_q(tokens):
    if tokens is None:  # unfiltered (maintenance tools)
        return Q()
    q = Q(pk__in=[])
    for token in tokens:
        q |= Q(audience__contains=f" {token} ")
    return q


def uses_postgres():
    return connection.vendor == "postgresql"


class DatabaseBackend(SearchBackend):
    name = "database"

    # --- writing -------------------------------------------------------------

    def entry(self, doc):
        return SearchEntry(
            key=doc.key,
            type=doc.type,
            type_label=doc.type_label,
            title=doc.title[:500],
            url=doc.url[:500],
            body=doc.body,
            date=doc.date,
            site=doc.site or "",
            year=doc.year,
            themes=tokens_text(doc.themes),
            communities=tokens_text(doc.communities),
            audience=tokens_text(doc.audience),
            title_terms=normalize.as_index_text(doc.title),
            body_terms=normalize.as_index_text(doc.body),
            title_words=" ".join(normalize.folded_words(doc.title)),
        )

    def upsert(self, documents):
        documents = list(documents)
        if not documents:
            return
        with transaction.atomic():
            SearchEntry.objects.filter(key__in=[doc.key for doc in documents]).delete()
            SearchEntry.objects.bulk_create([self.entry(doc) for doc in documents])
            self.update_vectors([doc.key for doc in documents])

    def update_vectors(self, keys=None):
        if not uses_postgres():
            return
        entries = (
            SearchEntry.objects.all()
            if keys is None
            else SearchEntry.objects.filter(key__in=keys)
        )
        entries.update(
            vector=SearchVector("title", weight="A", config=PG_CONFIG)
            + SearchVector("body", weight="B", config=PG_CONFIG)
        )

    def delete(self, keys):
        SearchEntry.objects.filter(key__in=list(keys)).delete()

    def indexed_keys(self):
        return set(SearchEntry.objects.values_list("key", flat=True))

    def rebuild(self, documents, progress=None):
        """Replace every entry, in one transaction (searches see the old index
        until it commits)."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            batch = []
            for doc in documents:
                batch.append(self.entry(doc))
                if len(batch) >= 1000:
                    SearchEntry.objects.bulk_create(batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            if progress and batch:
                progress(len(batch))
            self.update_vectors()

    # --- reading -------------------------------------------------------------

    def filtered(self, query, tokens):
        entries = SearchEntry.objects.filter(audience_q(tokens))
        filters = query.filters
        if "type" in filters:
            entries = entries.filter(type=filters["type"])
        if "site" in filters:
            entries = entries.filter(site=filters["site"])
        if "year" in filters:
            year = filters["year"]
            entries = (
                entries.filter(year=int(year)) if year.isdigit() else entries.none()
            )
        if "theme" in filters:
            entries = entries.filter(themes__contains=f" {filters['theme']} ")
        if "community" in filters:
            entries = entries.filter(communities__contains=f" {filters['community']} ")
        return entries

    def matching(self, entries, text):
        """(entries matching every term, ordered by relevance) or None if the
        query has no searchable term (only stop words or punctuation)."""
        if uses_postgres():
            words = [
                w for w in normalize.folded_words(text) if w not in normalize.STOP_WORDS
            ]
            if not words:
                return None
            # Words are \w+ only, so the raw tsquery cannot carry syntax. Each
            # word may also match through our Snowball stem (see normalize).
            raw = " & ".join(f"({word}:* | {normalize.stem(word)}:*)" for word in words)
            pg_query = PgQuery(raw, search_type="raw", config=PG_CONFIG)
            # Titles weigh most; long bodies do not win by length alone; a
            # title that is exactly the query comes first.
            exact_title = Case(
                When(
                    title_words=" ".join(normalize.folded_words(text)), then=Value(1.0)
                ),
                default=Value(0.0),
                output_field=FloatField(),
            )
            # Every searched word found at the start of a title word: a bonus.
            in_title = Q()
            for forms in normalize.alternatives(text):
                in_title &= Q(
                    *[Q(title_terms__contains=f" {form}") for form in forms],
                    _connector=Q.OR,
                )
            title_bonus = Case(
                When(in_title, then=Value(0.5)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            # Every searched word in the item's thèmes (a visitor reads them on
            # its page): a smaller bonus, so that « transitions écologiques »
            # finds the défis of that grande mutation before passing mentions.
            in_themes = Q()
            for forms in normalize.alternatives(text):
                in_themes &= Q(
                    *[Q(themes__contains=form) for form in forms], _connector=Q.OR
                )
            theme_bonus = Case(
                When(in_themes, then=Value(0.2)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            return (
                entries.filter(vector=pg_query)
                .annotate(
                    rank=SearchRank(
                        "vector",
                        pg_query,
                        weights=[0.05, 0.1, 0.3, 1.0],
                        normalization=Value(1),
                    )
                    + exact_title
                    + title_bonus
                    + theme_bonus
                )
                .order_by("-rank", "-date", "pk")
            )
        expression = fts_expression(text)
        if expression is None:
            return None
        # Only constants are formatted into the SQL; the query is a parameter.
        match = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s"  # noqa: S608
        return entries.filter(pk__in=RawSQL(match, [expression]))  # noqa: S611

    def ranked_ids(self, entries, text):
        """SQLite: the ids of ``entries`` matching ``text``, best first: a title
        that is exactly the query, then the number of searched words found in
        the title, then whether every searched word is in the item's thèmes,
        then BM25 (titles weighing ten times the body), then the newest."""
        try:
            filtered, params = entries.values("pk").query.sql_with_params()
        except EmptyResultSet:  # e.g. a filter on a year that is not a number
            return []
        table = SearchEntry._meta.db_table
        title_hits, title_params = [], []
        theme_hits, theme_params = [], []
        for forms in normalize.alternatives(text):
            title_hits.append(
                "(" + " OR ".join(["e.title_terms LIKE %s"] * len(forms)) + ")"
            )
            title_params.extend(f"% {form}%" for form in sorted(forms))
            theme_hits.append(
                "(" + " OR ".join(["e.themes LIKE %s"] * len(forms)) + ")"
            )
            theme_params.extend(f"%{form}%" for form in sorted(forms))
        # Constants and Django's compiled subquery only; values are parameters.
        sql = (
            f"SELECT e.id FROM {FTS} JOIN {table} e ON e.id = {FTS}.rowid "  # noqa: S608
            f"WHERE {FTS} MATCH %s AND e.id IN ({filtered}) "
            f"ORDER BY e.title_words = %s DESC, {' + '.join(title_hits)} DESC, "
            f"({' AND '.join(theme_hits)}) DESC, "
            f"bm25({FTS}, 10.0, 1.0), e.date DESC, e.id"
        )
        exact = " ".join(normalize.folded_words(text))
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [fts_expression(text), *params, exact, *title_params, *theme_params],
            )
            return [row[0] for row in cursor.fetchall()]

    def _search(self, query, tokens):
        entries = self.filtered(query, tokens)
        results = SearchResults(backend=self.name)
        if not query.text:
            return results
        matched = self.matching(entries, query.text)
        if matched is None:
            return results
        if query.sort == "date":
            ordered_ids = list(
                matched.order_by("-date", "pk").values_list("pk", flat=True)
            )
        elif uses_postgres():
            ordered_ids = list(matched.values_list("pk", flat=True))
        else:
            ordered_ids = self.ranked_ids(entries, query.text)
        paginator = Paginator(ordered_ids, query.per_page)
        results.total = paginator.count
        if not results.total:
            return results
        page = paginator.get_page(query.page)
        rows = SearchEntry.objects.in_bulk(list(page.object_list))
        for pk in page.object_list:
            entry = rows[pk]
            results.hits.append(
                SearchHit(
                    key=entry.key,
                    title=entry.title,
                    url=entry.url,
                    type=entry.type,
                    type_label=entry.type_label,
                    snippet=highlight(
                        entry.body or entry.title, query.text, title=entry.title
                    ),
                    date=entry.date,
                )
            )
        results.facets = self.facets(matched)
        return results

    def facets(self, matched):
        """Facet counts over every match, in one grouped query (the database
        counts rows; Python only splits the few distinct token lists)."""
        counts = {
            name: Counter() for name in ("type", "theme", "site", "year", "community")
        }
        labels = {}
        groups = (
            matched.order_by()
            .values("type", "type_label", "site", "year", "themes", "communities")
            .annotate(n=Count("pk"))
        )
        for group in groups:
            n = group["n"]
            counts["type"][group["type"]] += n
            labels[group["type"]] = group["type_label"]
            if group["site"]:
                counts["site"][group["site"]] += n
            if group["year"]:
                counts["year"][str(group["year"])] += n
            for theme in group["themes"].split():
                counts["theme"][theme] += n
            for community in group["communities"].split():
                counts["community"][community] += n
        facets = {name: dict(counter.most_common()) for name, counter in counts.items()}
        facets["type_labels"] = labels
        return facets

    def correct(self, text, tokens):
        """A spelling correction from the words of visible titles ("did you mean")."""
        vocabulary = set()
        for title_words in SearchEntry.objects.filter(audience_q(tokens)).values_list(
            "title_words", flat=True
        ):
            vocabulary.update(w for w in title_words.split() if len(w) > 3)
        corrected, changed = [], False
        for word in normalize.folded_words(text):
            if word in vocabulary or word in normalize.STOP_WORDS or len(word) <= 3:
                corrected.append(word)
                continue
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
            if close:
                corrected.append(close[0])
                changed = True
            else:
                corrected.append(word)
        return " ".join(corrected) if changed else ""

    def suggest(self, prefix, tokens, limit=8):
        words = normalize.folded_words(prefix)
        if not words:
            return []
        entries = SearchEntry.objects.filter(audience_q(tokens))
        for word in words:
            entries = entries.filter(
                Q(title_words__startswith=word) | Q(title_words__contains=f" {word}")
            )
        return [
            SearchHit(
                key=e.key,
                title=e.title,
                url=e.url,
                type=e.type,
                type_label=e.type_label,
            )
            for e in entries.order_by("-date", "pk")[:limit]
        ]
