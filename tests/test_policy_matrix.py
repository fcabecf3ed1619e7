"""One matrix for the whole permission policy and the search: every model
that has a rule or a search adapter, planted in its public, restricted, secret
and draft cases (tests/support/planted.py), × every persona. For each case:

- ``visible_to`` lists it exactly when ``can_view`` says yes;
- its audience (``policy.audience``) meets the persona's tokens exactly then;
- ``known_to`` and the known audience agree, and never go beyond ``may_know``;
- its search adapter indexes it with the policy's audience, found exactly by
  those who may view it (or, for an adapter ``found_by`` KNOW, who may know it);
- and the search itself, on the configured back end (database or
  Elasticsearch), finds exactly those.

A new app's rule or adapter is covered by a planter in
``tests/support/planted.py``; ``test_every_rule_and_adapter_has_a_planter``
fails until it has one.
"""

from django.contrib.auth.models import AnonymousUser

import pytest

from community.members import policy
from search import registry, service
from search.backends.base import SearchQuery
from tests.support.planted import PERSONAS, PLANTERS, make_world

pytestmark = pytest.mark.django_db


def required_models():
    """Every model the policy has a rule for, and every indexed model."""
    return set(policy.registered_models()) | {
        adapter.model for adapter in registry.adapters()
    }


def has_planter(model):
    if model._meta.abstract:
        return any(issubclass(planted, model) for planted in PLANTERS)
    return model in PLANTERS


def test_every_rule_and_adapter_has_a_planter():
    missing = sorted(m.__name__ for m in required_models() if not has_planter(m))
    assert not missing, (
        "Ajoutez un planteur dans PLANTERS (tests/support/planted.py) pour : "
        + ", ".join(missing)
    )


def as_user(person):
    return person or AnonymousUser()


def adapter_of(obj):
    """The search adapter that indexes ``obj``: None when its model has none,
    or when the adapter leaves such objects out (its ``queryset``: a
    resource's comments thread is not indexed, its comments are)."""
    adapter = registry.adapter_for_key(registry.key_for(obj))
    if adapter is None or not adapter.queryset().filter(pk=obj.pk).exists():
        return None
    return adapter


@pytest.mark.parametrize(
    "model", list(PLANTERS), ids=lambda model: model._meta.label_lower
)
def test_the_policy_agrees_with_itself_and_the_search(model):
    world = make_world()
    cases = world.plant(PLANTERS[model])
    assert cases, "un planteur plante au moins un cas"
    indexed = {}
    for label, obj in cases.items():
        assert isinstance(obj, model), label
        adapter = adapter_of(obj)
        if adapter is not None:
            indexed[label] = (adapter, adapter.indexed(obj))
    failures = []
    for persona in PERSONAS:
        user = as_user(world.people[persona])
        tokens = set(policy.tokens_for(user))
        for label, obj in cases.items():
            one = type(obj)._default_manager.filter(pk=obj.pk)
            views = policy.can_view(user, obj)
            knows = policy.may_know(user, obj)
            listed = policy.visible_to(one, user).exists()
            known = policy.known_to(one, user).exists()
            answers = {
                "visible_to": (listed, views),
                "audience": (bool(tokens & set(policy.audience(obj))), views),
                "known_audience": (
                    bool(tokens & set(policy.known_audience(obj))),
                    known,
                ),
            }
            if known and not knows:
                failures.append(f"{persona} / {label}: known_to sans may_know")
            if views and not knows:
                failures.append(f"{persona} / {label}: can_view sans may_know")
            if label in indexed:
                adapter, document = indexed[label]
                expected = views if adapter.found_by == registry.VIEW else knows
                found = document is not None and bool(tokens & set(document.audience))
                answers["search audience"] = (found, expected)
                if adapter.found_by == registry.KNOW:
                    answers["known_to (found by who may know)"] = (known, knows)
            for name, (got, expected) in answers.items():
                if got != expected:
                    failures.append(
                        f"{persona} / {label}: {name} dit {got}, la règle {expected}"
                    )
    assert not failures, "\n".join(failures)


@pytest.mark.search
def test_the_search_finds_what_the_policy_shows():
    world = make_world()
    for planter in PLANTERS.values():
        world.plant(planter)
    indexed = {}
    for cases in world.planted.values():
        for obj in cases.values():
            adapter = adapter_of(obj)
            if adapter is not None:
                indexed[registry.key_for(obj)] = (adapter, obj)
    service.index_keys(list(indexed))
    failures = []
    for persona in PERSONAS:
        user = as_user(world.people[persona])
        results = service.search(user, SearchQuery(text=world.word, per_page=200))
        assert not results.corrected_from, "la recherche ne corrige pas le mot planté"
        found = {hit.key for hit in results.hits} & set(indexed)
        expected = {
            key
            for key, (adapter, obj) in indexed.items()
            if (
                policy.can_view
                if adapter.found_by == registry.VIEW
                else policy.may_know
            )(user, obj)
        }
        if found != expected:
            failures.append(
                f"{persona}: trouvé en trop {sorted(found - expected)}, "
                f"manquant {sorted(expected - found)}"
            )
    assert not failures, "\n".join(failures)
