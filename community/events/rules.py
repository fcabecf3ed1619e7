"""Who may see and do what in the events app, as rules of the one policy
(``community.members.policy``); views only ever ask the policy.

- Sessions are public where their édition page is; logged-in members who may
  see them register (``can_contribute``).
- A registration is seen by its member (organisers see the counts on the
  session's page).
- Calls are pages; *moderating* a call means sitting on its selection
  committee (the call's ``committee_group``) — editing the page is not enough
  to read the proposals.
- A proposal is seen by its author and, once sent, by the committee; only
  its author edits it, while it is a draft and the call is open.
- Committee comments are seen by the committee only, never by the author
  (unless they sit on the committee themselves).
"""

from django.db.models import Q

from community.members import policy
from community.members.policy import (
    SUPERUSER,
    AttachedRule,
    Rule,
    group_token,
    user_token,
)
from community.members.rules import PageRule

from .choices import ProposalStatus
from .models import (
    CallForContributionsPage,
    Proposal,
    ProposalComment,
    Registration,
    Session,
)


def on_committee(p, call):
    return p.superuser or (
        call.committee_group_id is not None and call.committee_group_id in p.groups
    )


def committee(call):
    """The tokens of a call's selection committee."""
    if call.committee_group_id is None:
        return {SUPERUSER}
    return {SUPERUSER, group_token(call.committee_group_id)}


class CallRule(PageRule):
    def can_moderate(self, user, p, obj):
        return p.authenticated and on_committee(p, obj)

    def can_contribute(self, user, p, obj):
        return p.authenticated and self.can_view(user, p, obj) and obj.is_open


class ProposalRule(Rule):
    def can_view(self, user, p, obj):
        if not p.authenticated:
            return False
        if obj.author_id == p.user_id:
            return True
        return obj.status != ProposalStatus.DRAFT and on_committee(p, obj.call)

    def can_edit(self, user, p, obj):
        return (
            p.authenticated
            and obj.author_id == p.user_id
            and obj.status == ProposalStatus.DRAFT
            and obj.call.is_open
        )

    def can_moderate(self, user, p, obj):
        return (
            p.authenticated
            and obj.status != ProposalStatus.DRAFT
            and on_committee(p, obj.call)
        )

    def can_contribute(self, user, p, obj):
        # Commenting a proposal is the committee's work.
        return self.can_moderate(user, p, obj)

    def visible_q(self, user, p):
        if not p.authenticated:
            return Q(pk__in=[])
        committee = ~Q(status=ProposalStatus.DRAFT)
        if not p.superuser:
            committee &= Q(call__committee_group_id__in=p.groups)
        return Q(author_id=p.user_id) | committee

    def audience(self, obj):
        author = {user_token(obj.author_id)}
        if obj.status == ProposalStatus.DRAFT:
            return author
        return author | committee(obj.call)


class ProposalCommentRule(Rule):
    def can_view(self, user, p, obj):
        return p.authenticated and on_committee(p, obj.proposal.call)

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.author_id == p.user_id

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        if not p.authenticated:
            return Q(pk__in=[])
        return Q(proposal__call__committee_group_id__in=p.groups)

    def audience(self, obj):
        return committee(obj.proposal.call)


class SessionRule(AttachedRule):
    """A session is seen, known and edited as its édition is; those who may
    edit the édition moderate its sessions."""

    target = "edition"

    def can_moderate(self, user, p, obj):
        return self.can_edit(user, p, obj)

    def can_contribute(self, user, p, obj):
        return (
            p.authenticated
            and obj.has_registration
            and not obj.is_past
            and self.can_view(user, p, obj)
        )


class RegistrationRule(Rule):
    def can_view(self, user, p, obj):
        return p.superuser or (p.authenticated and obj.user_id == p.user_id)

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.user_id == p.user_id

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        return Q(user_id=p.user_id) if p.authenticated else Q(pk__in=[])

    def audience(self, obj):
        return {SUPERUSER, user_token(obj.user_id)}


def register():
    policy.register(CallForContributionsPage, CallRule)
    policy.register(Proposal, ProposalRule)
    policy.register(ProposalComment, ProposalCommentRule)
    policy.register(Session, SessionRule)
    policy.register(Registration, RegistrationRule)
