"""The one permission policy of the product: who may see and do what.

Everything asks here — pages, views, the API, feeds, search — and nothing
re-implements a rule. Four questions, each ``(user, obj) -> bool``:

- ``can_view``: read the object's content;
- ``can_edit``: change it;
- ``can_moderate``: approve, hide, remove, manage its members;
- ``can_contribute``: write inside it (post, comment, add an entry);

plus ``may_know(user, obj)``, whether the user may know the object exists,
which decides between 404 (no) and 403 (yes) when they are refused, and two
queryset filters: ``visible_to(queryset, user)`` matches ``can_view`` and
``known_to(queryset, user)`` matches ``may_know`` (for listings).

Rules are registered per model with ``@register(Model)``, each app in its
own ``rules.py`` imported from its ``AppConfig.ready()`` (this app's are in
``rules.py`` beside this module); the engine itself imports no model.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .choices import MembershipRole, TeamRole


@dataclass(frozen=True)
class Principals:
    """What the policy needs to know about a user, read in three queries."""

    user_id: int | None = None
    authenticated: bool = False
    superuser: bool = False
    communities: frozenset = frozenset()  # ids of communities they belong to
    animated: frozenset = frozenset()  # ids of communities they animate
    teams: frozenset = frozenset()  # ids of learning teams they belong to
    facilitated: frozenset = frozenset()  # ids of teams they facilitate
    groups: frozenset = frozenset()  # ids of their Django groups


ANONYMOUS = Principals()


def principals(user):
    """The user's principals, cached on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_policy_principals", None)
    if cached is not None:
        return cached
    from .models import Membership, TeamMembership

    memberships = list(
        Membership.objects.filter(user=user).values_list("community_id", "role")
    )
    team_memberships = list(
        TeamMembership.objects.filter(user=user).values_list("team_id", "role")
    )
    result = Principals(
        user_id=user.pk,
        authenticated=True,
        superuser=user.is_superuser,
        communities=frozenset(cid for cid, _role in memberships),
        animated=frozenset(
            cid for cid, role in memberships if role == MembershipRole.ANIMATEUR
        ),
        teams=frozenset(tid for tid, _role in team_memberships),
        facilitated=frozenset(
            tid for tid, role in team_memberships if role == TeamRole.FACILITATEUR
        ),
        groups=frozenset(user.groups.values_list("pk", flat=True)),
    )
    user._policy_principals = result
    return result


def forget(user):
    """Drop the cached principals after a membership change in the same request."""
    if user is not None and hasattr(user, "_policy_principals"):
        del user._policy_principals


class Rule:
    """Default answers: nobody but superusers; subclasses open what they should."""

    def can_view(self, user, p, obj):
        return p.superuser

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj)

    def can_edit(self, user, p, obj):
        return p.superuser

    def can_moderate(self, user, p, obj):
        return p.superuser

    def can_contribute(self, user, p, obj):
        return p.authenticated and self.can_view(user, p, obj)

    def visible_q(self, user, p):
        return Q() if p.superuser else Q(pk__in=[])

    def known_q(self, user, p):
        return self.visible_q(user, p)


_rules = {}


def register(model):
    def decorator(rule_class):
        _rules[model] = rule_class()
        return rule_class

    return decorator


def rule_for(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for klass in model.__mro__:
        if klass in _rules:
            return _rules[klass]
    raise LookupError(f"No permission rule registered for {model.__name__}")


def can_view(user, obj):
    return rule_for(obj).can_view(user, principals(user), obj)


def may_know(user, obj):
    return rule_for(obj).may_know(user, principals(user), obj)


def can_edit(user, obj):
    return rule_for(obj).can_edit(user, principals(user), obj)


def can_moderate(user, obj):
    return rule_for(obj).can_moderate(user, principals(user), obj)


def can_contribute(user, obj):
    return rule_for(obj).can_contribute(user, principals(user), obj)


def visible_to(queryset, user):
    """``queryset`` narrowed to what ``user`` may view (matches ``can_view``)."""
    return queryset.filter(rule_for(queryset.model).visible_q(user, principals(user)))


def known_to(queryset, user):
    """``queryset`` narrowed to what ``user`` may know exists (listings)."""
    return queryset.filter(rule_for(queryset.model).known_q(user, principals(user)))


ACTIONS = {
    "view": can_view,
    "edit": can_edit,
    "moderate": can_moderate,
    "contribute": can_contribute,
}


def ensure(user, obj, action="view"):
    """Return ``obj`` if ``user`` may do ``action`` on it; otherwise raise 404
    when they may not know it exists, 403 when they may."""
    if ACTIONS[action](user, obj):
        return obj
    if may_know(user, obj):
        raise PermissionDenied
    raise Http404
