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
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Case, FloatField, Q, Value, When

from .. import normalize
from ..models import SearchEntry
from .base import SearchBackend, SearchHit, SearchResults, highlight

PG_CONFIG = "french_unaccent"


def tokens_text(values):
    return " " + " ".join(str(v) for v in values) + " "


def audience_q(tokens):
    if tokens is None:  # superuser
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
                )
                .order_by("-rank", "-date", "pk")
            )
        alternatives = normalize.alternatives(text)
        if not alternatives:
            return None
        for forms in alternatives:
            q = Q(pk__in=[])
            for form in forms:
                q |= Q(title_terms__contains=f" {form}") | Q(
                    body_terms__contains=f" {form}"
                )
            entries = entries.filter(q)
        return entries

    def ranked_ids(self, entries, text):
        """SQLite: score candidates in Python (title matches weigh more, a title
        that is exactly the query most)."""
        terms = normalize.terms(text)
        exact = " ".join(normalize.folded_words(text))
        scored = []
        for pk, title_terms, body_terms, title_words, date in entries.values_list(
            "pk", "title_terms", "body_terms", "title_words", "date"
        ):
            score = sum(
                10 * min(title_terms.count(f" {t}"), 1)
                + min(body_terms.count(f" {t}"), 5)
                for t in terms
            ) + (20 if title_words == exact else 0)
            scored.append((-score, -(date.timestamp() if date else 0), pk))
        scored.sort()
        return [pk for _s, _d, pk in scored]

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
            ordered_ids = self.ranked_ids(matched, query.text)
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
                    snippet=highlight(entry.body or entry.title, query.text),
                    date=entry.date,
                )
            )
        results.facets = self.facets(matched)
        return results

    def facets(self, matched):
        """Facet counts over every match, read in one query (no id list)."""
        counts = {
            name: Counter() for name in ("type", "theme", "site", "year", "community")
        }
        labels = {}
        for (
            type_,
            type_label,
            site,
            year,
            themes,
            communities,
        ) in matched.order_by().values_list(
            "type", "type_label", "site", "year", "themes", "communities"
        ):
            counts["type"][type_] += 1
            labels[type_] = type_label
            if site:
                counts["site"][site] += 1
            if year:
                counts["year"][str(year)] += 1
            counts["theme"].update(themes.split())
            counts["community"].update(communities.split())
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
