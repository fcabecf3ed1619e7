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

**Audiences.** ``audience(obj)`` says the same as ``can_view`` as a list of
principal *tokens* — ``public`` (everyone), ``auth`` (any logged-in member),
``c:<id>`` (the members of a community), ``t:<id>`` (of a team), ``u:<id>``
(one member), ``g:<id>`` (a Django group), ``superuser`` — and
``tokens_for(user)`` lists the tokens a user carries: the user may view the
object exactly when the two lists meet. The search index stores audiences and
filters by tokens, so it never re-spells a rule. This module owns the
vocabulary; ``known_audience(obj)`` is the same for ``may_know``.

Rules are registered per model with ``register(Model, RuleClass)`` by each
app's ``rules.register()``, called from its ``AppConfig.ready()`` (this app's
are in ``rules.py`` beside this module); the engine itself imports no model.
An object that is visible exactly when another one is (a comment on a page, a
session of an édition, a carnet entry of a team) gets an ``AttachedRule``
naming that target, rather than a copy of the target's rule.
"""

import contextlib
import contextvars
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


# --- Audience tokens ---------------------------------------------------------

PUBLIC = "public"
AUTHENTICATED = "auth"
SUPERUSER = "superuser"


def community_token(pk):
    return f"c:{pk}"


def team_token(pk):
    return f"t:{pk}"


def user_token(pk):
    return f"u:{pk}"


def group_token(pk):
    return f"g:{pk}"


def principal_tokens(p):
    """The tokens carried by a user with principals ``p``."""
    if not p.authenticated:
        return [PUBLIC]
    return [
        PUBLIC,
        AUTHENTICATED,
        user_token(p.user_id),
        *(community_token(pk) for pk in sorted(p.communities)),
        *(team_token(pk) for pk in sorted(p.teams)),
        *(group_token(pk) for pk in sorted(p.groups)),
        *([SUPERUSER] if p.superuser else []),
    ]


def tokens_for(user):
    """The tokens ``user`` carries: they may view what has one in its audience."""
    return principal_tokens(principals(user))


def both(audience, other):
    """Those in ``audience`` *and* in ``other`` (an object behind two gates).

    ``public`` holds everyone and ``auth`` every logged-in member, so they
    give way to the other side. Two sets of specific tokens keep what they
    share: someone in group 1 and in group 2 is not expressible by one token,
    so the result is never broader than the truth (it may be narrower).
    """
    audience, other = set(audience), set(other)
    for wide in (PUBLIC, AUTHENTICATED):
        if wide in audience:
            return other
        if wide in other:
            return audience
    return audience & other


def logged_in(audience):
    """``audience`` restricted to logged-in members."""
    return both(audience, {AUTHENTICATED})


# --- Per-task snapshot -------------------------------------------------------

_snapshot = contextvars.ContextVar("policy_snapshot", default=None)


@contextlib.contextmanager
def snapshot():
    """Within this block, rules may read shared state (view restrictions of
    pages and collections) once rather than once per object: for indexing
    thousands of objects. Only for work that writes no such state meanwhile."""
    token = _snapshot.set({})
    try:
        yield
    finally:
        _snapshot.reset(token)


def remembered(key, compute):
    """``compute()``, read once per ``snapshot()`` block (every call outside one)."""
    memo = _snapshot.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# --- Rules -------------------------------------------------------------------


class Rule:
    """Default answers: nobody but superusers; subclasses open what they should.

    ``model`` is set when the rule is registered.
    """

    model = None

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

    def audience(self, obj):
        """The tokens of those who may view ``obj``: ``can_view`` as tokens."""
        return {SUPERUSER}

    def known_audience(self, obj):
        """The tokens of those who may know ``obj`` exists (as far as tokens
        can say it: never broader than ``may_know``)."""
        return self.audience(obj)


class AttachedRule(Rule):
    """An object visible exactly when its *target* is: a session and its
    édition, a comment and what it comments, a carnet entry and its team.

    ``target`` names a foreign key (or any attribute returning the target) or
    a generic foreign key (``"content_object"``). Every question — can_view,
    may_know, can_edit, can_moderate, can_contribute, visible_q, known_q,
    audience — follows the target's own rule; override the ones that differ
    (an author edits their comment) and call ``super()`` for the target's
    answer. An object without a target is seen by nobody.
    """

    target = None

    def target_of(self, obj):
        return getattr(obj, self.target)

    def _ask(self, question, user, p, obj):
        target = self.target_of(obj)
        if target is None:
            return False
        return getattr(rule_for(target), question)(user, p, target)

    def can_view(self, user, p, obj):
        return self._ask("can_view", user, p, obj)

    def may_know(self, user, p, obj):
        return self._ask("may_know", user, p, obj)

    def can_edit(self, user, p, obj):
        return self._ask("can_edit", user, p, obj)

    def can_moderate(self, user, p, obj):
        return self._ask("can_moderate", user, p, obj)

    def can_contribute(self, user, p, obj):
        return self._ask("can_contribute", user, p, obj)

    def visible_q(self, user, p):
        return self.targets_q(lambda rule: rule.visible_q(user, p))

    def known_q(self, user, p):
        return self.targets_q(lambda rule: rule.known_q(user, p))

    def audience(self, obj):
        target = self.target_of(obj)
        return set() if target is None else set(rule_for(target).audience(target))

    def known_audience(self, obj):
        target = self.target_of(obj)
        if target is None:
            return set()
        return set(rule_for(target).known_audience(target))

    def targets_q(self, q_for):
        """Objects whose target matches ``q_for(target_rule)``."""
        from django.apps import apps
        from django.contrib.contenttypes.fields import GenericForeignKey

        field = self.model._meta.get_field(self.target)
        if isinstance(field, GenericForeignKey):
            return self._generic_targets_q(field, q_for)
        target_model = field.related_model
        if isinstance(target_model, str):  # a field of an abstract model
            target_model = apps.get_model(target_model)
        targets = target_model._default_manager.filter(q_for(rule_for(target_model)))
        return Q(**{f"{self.target}__in": targets})

    def _generic_targets_q(self, field, q_for):
        """One condition per kind of target present: the target's rule, with
        its primary keys compared as text (``object_pk`` is a text column)."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import CharField
        from django.db.models.functions import Cast

        kinds = (
            self.model._default_manager.order_by()
            .values_list(field.ct_field, flat=True)
            .distinct()
        )
        q = Q(pk__in=[])
        for content_type_id in kinds:
            target_model = ContentType.objects.get_for_id(content_type_id).model_class()
            if target_model is None:  # a model since removed
                continue
            targets = (
                target_model._default_manager.filter(q_for(rule_for(target_model)))
                .annotate(_target_key=Cast("pk", output_field=CharField()))
                .values("_target_key")
            )
            q |= Q(
                **{field.ct_field: content_type_id, f"{field.fk_field}__in": targets}
            )
        return q


_rules = {}


def register(model, rule_class):
    """Make ``rule_class`` the rule of ``model`` (and of its subclasses that
    have none of their own). Called from an app's ``rules.register()``."""
    rule = rule_class()
    rule.model = model
    _rules[model] = rule
    return rule_class


def registered_models():
    """Every model (or base class) with a rule of its own."""
    return list(_rules)


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


def visible_list(user, objects):
    """The items of ``objects`` that ``user`` may view, in their order.

    For anything that *names* related objects (related pages, teams, an
    édition, sources…): ``objects`` may mix models (Wagtail pages of several
    types included) and hold ``None``; it costs one query per rule met, not
    one per object. Pages are asked as pages (``visible_q`` on ``Page``), so
    their specific types add no query."""
    return _narrowed(user, objects, "visible_q")


def known_list(user, objects):
    """The items of ``objects`` that ``user`` may know exist (as ``known_to``)."""
    return _narrowed(user, objects, "known_q")


def _narrowed(user, objects, question):
    items = [obj for obj in objects if obj is not None]
    by_rule = {}
    for obj in items:
        rule = rule_for(obj)
        by_rule.setdefault(id(rule), (rule, set()))[1].add(obj.pk)
    p = principals(user)
    allowed = set()
    for rule, pks in by_rule.values():
        q = getattr(rule, question)(user, p)
        kept = rule.model._default_manager.filter(q, pk__in=pks).values_list(
            "pk", flat=True
        )
        allowed.update((id(rule), pk) for pk in kept)
    return [obj for obj in items if (id(rule_for(obj)), obj.pk) in allowed]


def visible_one(user, obj):
    """``obj`` if ``user`` may view it, else ``None`` (one related object)."""
    return obj if obj is not None and can_view(user, obj) else None


def audience(obj):
    """The tokens of those who may view ``obj``, sorted (see the module's
    docstring); empty when nobody may."""
    return sorted(rule_for(obj).audience(obj))


def known_audience(obj):
    """The tokens of those who may know ``obj`` exists, sorted."""
    return sorted(rule_for(obj).known_audience(obj))


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
