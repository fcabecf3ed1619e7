"""Every field a member or an editor can write, for the XSS suite.

Each ``WritableField`` writes a value through the same code path as a person
(the site's forms, Draftail's converter for rich text) and returns the path
where it is rendered, seen by ``viewer``. A capability that adds a writable
field (a thread title, a comment, a carnet entry, a proposal…) adds an entry
to ``WRITABLE_FIELDS``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.support.cast import committee_call
from tests.support.sessions import logged_in_client

VISIBILITIES = (
    "job_title",
    "organisation",
    "employment_framework",
    "territory",
    "bio",
    "avatar",
    "interests",
    "links",
)


@dataclass
class WritableField:
    name: str
    max_length: int  # the shortest limit of the fields written together
    write: Callable  # (cast, value) -> path where it is rendered
    viewer: str = "member"  # the persona who looks at it


def _ok(response, what):
    assert response.status_code in (200, 302), f"{what} : {response.status_code}"
    assert response.status_code == 302, f"{what} refusé : {response.content[:500]!r}"


def _profile_post(value, label="Site", url="https://example.org/"):
    data = {
        "display_name": value,
        "job_title": value,
        "organisation": value,
        "bio": value,
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-label": label,
        "links-0-url": url,
    }
    data.update({f"{field}_visibility": "public" for field in VISIBILITIES})
    return data


def profile_texts(cast, value):
    author = cast["non_member"]
    author.profile.links.all().delete()
    response = logged_in_client(author).post("/comptes/profil/", _profile_post(value))
    _ok(response, "profil")
    return reverse("members:member", args=[author.pk])


def profile_link(cast, value):
    author = cast["non_member"]
    author.profile.links.all().delete()
    logged_in_client(author).post(
        "/comptes/profil/", _profile_post("Lien", label=value[:80], url=value)
    )  # a javascript: address is refused by the form: nothing to render then
    return reverse("members:member", args=[author.pk])


def community_join_message(cast, value):
    from community.members.models import MembershipRequest

    community = cast.restricted_community
    MembershipRequest.objects.filter(community=community).delete()
    response = logged_in_client(cast["non_member"]).post(
        reverse("members:join", args=[community.slug]), {"message": value}
    )
    _ok(response, "demande d'adhésion")
    assert MembershipRequest.objects.filter(community=community).exists()
    return community.get_absolute_url()


def team_name_and_description(cast, value):
    team = cast.team
    response = logged_in_client(cast["animateur"]).post(
        reverse("members:team_edit", args=[team.slug]),
        {"name": value, "description": value},
    )
    _ok(response, "équipe")
    team.refresh_from_db()
    assert team.name == value
    return team.get_absolute_url()


def team_creation(cast, value):
    """A new team, named and presented by the member who creates it."""
    from django.utils import timezone

    from community.members.models import LearningTeam
    from community.members.models.teams import name_key

    # A community of its own: the cast's team may carry the same payload as
    # its name (« team_name_and_description »), and must not be the one
    # deleted here before each creation.
    if getattr(cast, "creation_community", None) is None:
        from community.members.choices import CommunityAccess
        from community.members.tests.utils import add_member, make_community

        cast.creation_community = make_community(
            CommunityAccess.RESTRICTED, name=f"Créations XSS {cast.suffix}"
        )
        add_member(cast.creation_community, cast["member"])
    community = cast.creation_community
    LearningTeam.objects.filter(community=community, name_key=name_key(value)).delete()
    response = logged_in_client(cast["member"]).post(
        reverse("members:team_create", args=[community.slug]),
        {
            "name": value,
            "year": timezone.localdate().year,
            "description": value,
            "join_policy": "open",
        },
    )
    _ok(response, "création d'équipe")
    return LearningTeam.objects.get(
        community=community, name_key=name_key(value)
    ).get_absolute_url()


def team_join_request(cast, value):
    """A request to join a team on request, read by those who decide."""
    from community.members.choices import TeamJoinPolicy
    from community.members.models import TeamJoinRequest
    from community.members.tests.utils import make_team

    if getattr(cast, "request_team", None) is None:
        cast.request_team = make_team(
            cast.restricted_community, name=f"Équipe sur demande {cast.suffix}"
        )
        cast.request_team.join_policy = TeamJoinPolicy.ON_REQUEST
        cast.request_team.save()
    team = cast.request_team
    TeamJoinRequest.objects.filter(team=team).delete()
    response = logged_in_client(cast["member"]).post(
        reverse("members:team_join", args=[team.slug]), {"message": value}
    )
    _ok(response, "demande pour rejoindre une équipe")
    assert TeamJoinRequest.objects.filter(team=team).exists()
    return team.get_absolute_url()


def method_rich_text(cast, value):
    """As Draftail posts it: content state, converted by Wagtail's converter."""
    from resources.models import MethodPage

    html = _rich_text_html(value)
    page = MethodPage.objects.live().order_by("pk").first()
    page.objective = html
    page.tips = html
    page.save_revision(user=cast["editor"]).publish()
    return page.url


def document_metadata(cast, value):
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    document = cast.public_document
    form = get_document_form(get_document_model())(
        data={
            "title": value,
            "description": value,
            "creator": value,
            "collection": document.collection_id,
            "document_type": document.document_type,
            "language": document.language,
            "licence": document.licence,
        },
        instance=document,
        user=cast.superuser,
    )
    assert form.is_valid(), form.errors
    form.save()
    from wagtail.models import Page

    return Page.objects.get(slug="documents").url


def bibliography_import(cast, value):
    """A BibTeX file imported by an editor: its title and abstract."""
    from resources.bibliography.importers import ImportFileError, parse_file
    from resources.bibliography.models import BibliographyIndexPage, ReferencePage
    from resources.bibliography.plan import apply_plan, build_plan

    library = BibliographyIndexPage.objects.get()
    text = value.replace("{", "(").replace("}", ")")  # BibTeX's own delimiters
    data = f"@book{{xss{cast.suffix}, title={{{text}}}, abstract={{{text}}}, year={{2021}}}}"
    try:
        records = parse_file("xss.bib", data.encode()).records
    except ImportFileError:
        return library.url
    apply_plan(build_plan(records, library), library, cast.superuser)
    return ReferencePage.objects.order_by("-last_published_at").first().url


def _challenge(cast):
    """A défi of the cast whose porteur is the cast's member (made once)."""
    if getattr(cast, "challenge", None) is None:
        from community.challenges.choices import ChallengeRole
        from community.challenges.models import ChallengePerson
        from community.challenges.tests.utils import make_challenge

        cast.challenge = make_challenge(
            f"Comment tester le défi {cast.suffix} ?", slug=f"defi-xss-{cast.suffix}"
        )
        ChallengePerson.objects.create(
            challenge=cast.challenge, role=ChallengeRole.HOLDER, member=cast["member"]
        )
    return cast.challenge


def challenge_progress(cast, value):
    """The six étapes and the exposition, filled by a porteur on the site."""
    from community.events.choices import ChallengeStep

    challenge = _challenge(cast)
    data = {f"step_{step.value}": value for step in ChallengeStep}
    data.update(prototype=value, feedback=value, next_actions=value)
    response = logged_in_client(cast["member"]).post(
        challenge.route_url("progress"), data
    )
    _ok(response, "avancement du défi")
    return challenge.url


def challenge_news(cast, value):
    from community.challenges.models import ChallengeNews

    challenge = _challenge(cast)
    ChallengeNews.objects.filter(challenge=challenge).delete()
    response = logged_in_client(cast["member"]).post(
        challenge.route_url("news"),
        {"date": "2026-11-25", "title": value, "body": value},
    )
    _ok(response, "nouvelle du défi")
    assert ChallengeNews.objects.filter(challenge=challenge).exists(), value
    return challenge.url


def _proposal(cast, value, action):
    from community.events.models import Proposal
    from community.events.tests.utils import proposal_post

    call = committee_call(cast)
    one_line = " ".join(value.split())
    data = proposal_post(
        call,
        action=action,
        title=value,
        organisation=value,
        context=value,
        actors=value,
        innovation=value,
        debate_topics=value,
        bibliography=value,
        **{
            "speakers-0-name": value,
            "speakers-0-function": value,
            "speakers-1-organisation": value,
        },
    )
    # Twelve lines, the payload on each: the line rule holds for any value.
    data["description"] = "\n".join(f"{i}. {one_line}" for i in range(12))
    response = logged_in_client(cast["member"]).post(call.route_url("propose"), data)
    _ok(response, "proposition")
    return Proposal.objects.filter(call=call).latest("pk")


def proposal_draft(cast, value):
    """A draft, read back (and edited) by its author."""
    return _proposal(cast, value, "draft").get_absolute_url()


def proposal_review(cast, value):
    """A sent proposal and a committee comment, on the committee's review page."""
    proposal = _proposal(cast, value, "submit")
    response = logged_in_client(cast["animateur"]).post(
        proposal.review_url(), {"action": "comment", "body": value}
    )
    _ok(response, "commentaire du comité")
    return proposal.review_url()


def _carnet_entry(cast, value, **extra):
    """An entry written by a member in their team's carnet, through the form."""
    from community.carnets.models import Entry

    team = cast.team
    response = logged_in_client(cast["member"]).post(
        reverse("carnets:new_entry", args=[team.slug]),
        {
            "kind": "individuelle",
            "moment": "during",
            "title": value[:200],
            "body": value,
            "visibility": "carnet",
            **extra,
        },
    )
    _ok(response, "entrée de carnet")
    return Entry.objects.filter(carnet__team=team).latest("pk")


def carnet_entry(cast, value):
    return _carnet_entry(cast, value).get_absolute_url()


def carnet_page(cast, value):
    _carnet_entry(cast, value)
    return reverse("carnets:carnet", args=[cast.team.slug])


def carnet_history(cast, value):
    """A second version, compared with the first on the history page."""
    entry = _carnet_entry(cast, "Première version")
    response = logged_in_client(cast["member"]).post(
        reverse("carnets:entry_edit", args=[entry.pk]),
        {
            "title": value[:200],
            "body": f"Première version\n{value}",
            "moment": "during",
            "base_version": 1,
        },
    )
    _ok(response, "nouvelle version d'une entrée")
    return reverse("carnets:entry_history", args=[entry.pk]) + "?de=1&a=2"


def carnet_prompt(cast, value):
    """A guiding prompt set by organisers (the admin's snippet form saves the
    same fields) for the édition of the cast's team."""
    from community.carnets.models import CarnetGuide, CarnetPrompt
    from community.events.tests.utils import make_edition

    if getattr(cast, "carnet_guide", None) is None:
        edition = make_edition(slug=f"edition-xss-{cast.suffix}")
        edition.teams.add(cast.team)
        edition.save()
        cast.carnet_guide = CarnetGuide.objects.create(
            edition=edition,
            before_title="Moment 1",
            during_title="Moment 2",
            after_title="Moment 3",
            suites_title="Suites",
        )
    guide = cast.carnet_guide
    guide.prompts.all().delete()
    guide.before_intro = value
    guide.save()
    CarnetPrompt.objects.create(
        guide=guide, moment="before", question=value[:300], help_text=value
    )
    return reverse("carnets:carnet", args=[cast.team.slug])


def carnet_attachment(cast, value):
    """An image whose file name and description are the payload."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from PIL import Image

    entry = _carnet_entry(cast, "Une image")
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(output, format="PNG")
    response = logged_in_client(cast["member"]).post(
        reverse("carnets:attachment_add", args=[entry.pk]),
        {
            # Quotes and line ends would break the multipart header itself.
            "file": SimpleUploadedFile(
                value[:100].replace('"', "'").replace("\n", " ").replace("\r", " ")
                + ".png",
                output.getvalue(),
            ),
            "description": value[:250],
        },
    )
    _ok(response, "pièce jointe")
    return entry.get_absolute_url()


def carnet_comment(cast, value):
    """Feedback left by a teammate (the facilitateur) on a member's entry."""
    entry = _carnet_entry(cast, "Une entrée commentée")
    response = logged_in_client(cast["animateur"]).post(
        reverse("carnets:comment_add", args=[entry.pk]), {"comment": value}
    )
    _ok(response, "retour sur une entrée")
    return entry.get_absolute_url()


def facilitator_steps(cast, value):
    """The facilitator's carnet of a défi of the cast's team (the animateur
    facilitates the team)."""
    from community.carnets.views.facilitators import carnet_for_challenge

    challenge = _challenge(cast)
    if not challenge.teams.filter(pk=cast.team.pk).exists():
        challenge.teams.add(cast.team)
        challenge.save()
    carnet = carnet_for_challenge(challenge)
    step = carnet.steps.get(step=1)
    data = {"step": 1, "etape-1-base_version": step.version}
    for name in ("objectives", "timing", "materials", "happened", "improvements"):
        data[f"etape-1-{name}"] = value
    response = logged_in_client(cast["animateur"]).post(carnet.get_absolute_url(), data)
    _ok(response, "carnet du facilitateur")
    return carnet.get_absolute_url()


def _discussion(cast):
    """A thread of the cast's restricted community (made once)."""
    if getattr(cast, "thread", None) is None:
        from community.discussions import posting

        cast.thread = posting.create_thread(
            cast["animateur"],
            cast.restricted_community,
            title=f"Fil XSS {cast.suffix}",
            body="Un fil pour le corpus.",
        )
    return cast.thread


def thread_title_and_body(cast, value):
    """An animateur opens a thread (the animateurs of a space are not rate-limited)."""
    from community.discussions.models import Thread

    space = cast.restricted_community
    response = logged_in_client(cast["animateur"]).post(
        f"/communaute/discussions/communaute/{space.slug}/nouveau/",
        {"title": value, "body": value, "kind": "discussion"},
    )
    _ok(response, "fil de discussion")
    return Thread.objects.filter(community=space).latest("pk").get_absolute_url()


def discussion_comment(cast, value):
    from community.discussions.models import Comment

    thread = _discussion(cast)
    response = logged_in_client(cast["animateur"]).post(
        f"/communaute/discussions/fils/{thread.pk}/repondre/", {"comment": value}
    )
    _ok(response, "réponse dans un fil")
    return Comment.objects.filter(discussion=thread).latest("pk").get_absolute_url()


def comment_edit_history(cast, value):
    """A comment edited with the value: its history shows every version."""
    from community.discussions import posting

    thread = _discussion(cast)
    if getattr(cast, "edited_comment", None) is None:
        cast.edited_comment = posting.post_comment(
            cast["animateur"], thread, body="Première version."
        )
    comment = cast.edited_comment
    response = logged_in_client(cast["animateur"]).post(
        f"/communaute/discussions/messages/{comment.pk}/modifier/", {"comment": value}
    )
    _ok(response, "modification d'un message")
    return f"/communaute/discussions/messages/{comment.pk}/historique/"


def report_details(cast, value):
    """A member's report, read by the animateur in the moderation queue."""
    from community.discussions import posting
    from community.discussions.models import Report

    thread = _discussion(cast)
    if getattr(cast, "reported_comment", None) is None:
        cast.reported_comment = posting.post_comment(
            cast["animateur"], thread, body="Un message à signaler."
        )
    Report.objects.filter(comment=cast.reported_comment).delete()
    response = logged_in_client(cast["member"]).post(
        f"/communaute/discussions/messages/{cast.reported_comment.pk}/signaler/",
        {"reason": "other", "details": value},
    )
    _ok(response, "signalement")
    assert Report.objects.filter(comment=cast.reported_comment).exists()
    return "/communaute/discussions/moderation/"


def _commented_term(cast):
    """A public glossary term the cast comments on (made once)."""
    if getattr(cast, "term", None) is None:
        from resources.models import GlossaryIndexPage, GlossaryTermPage

        term = GlossaryTermPage(
            title=f"Terme XSS {cast.suffix}",
            slug=f"terme-xss-{cast.suffix}",
            definition="<p>Un terme commenté.</p>",
        )
        GlossaryIndexPage.objects.get().add_child(instance=term)
        term.save_revision().publish()
        cast.term = term
    return cast.term


def resource_comment(cast, value):
    """A comment on a glossary term (written by an editor, who moderates
    resource pages and is not rate-limited), read on the term's page."""
    from community.discussions.models import Comment

    term = _commented_term(cast)
    response = logged_in_client(cast["editor"]).post(
        f"/communaute/discussions/ressources/{term.pk}/commenter/", {"comment": value}
    )
    _ok(response, "commentaire d'une ressource")
    return Comment.objects.filter(discussion__page=term).latest("pk").get_absolute_url()


def ask_the_community(cast, value):
    """A search query, echoed by « Posez la question à la communauté » and
    carried to the new-thread form's title."""
    from django.utils.http import urlencode

    return "/recherche/?" + urlencode({"q": value})


def prefilled_thread_title(cast, value):
    from django.utils.http import urlencode

    space = cast.restricted_community
    return f"/communaute/discussions/communaute/{space.slug}/nouveau/?" + urlencode(
        {"titre": value}
    )


def _rich_text_html(value):
    """``value`` as Draftail posts it (one paragraph with a link), converted
    to the database's HTML by Wagtail's converter."""
    import json

    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.rich_text import features

    converter = ContentstateConverter(features.get_default_features())
    state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": value,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": 0, "length": min(len(value), 10), "key": 0}
                ],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": value}}
        },
    }
    return converter.to_database_format(json.dumps(state))


def _evaluated_edition():
    from community.events.models import EditionPage

    return EditionPage.objects.get(slug="universite-2018")


def evaluation_answers(cast, value):
    """Five anonymous answers' free text (the form a participant fills),
    shown grouped on the organisers' results page."""
    from community.capitalisation.choices import Scope
    from community.capitalisation.forms import AnswerForm
    from community.capitalisation.models import EvaluationAnswer, EvaluationForm

    questionnaire = EvaluationForm.for_edition(_evaluated_edition())
    form = AnswerForm(
        {"satisfaction": "4", "learned": value, "improve": value, "come_back": "oui"},
        questionnaire=questionnaire,
    )
    assert form.is_valid(), form.errors
    # The previous value's answers go: each value is seen on its own.
    EvaluationAnswer.objects.filter(pk__in=getattr(cast, "xss_answers", [])).delete()
    cast.xss_answers = [
        answer.pk
        for answer in EvaluationAnswer.objects.bulk_create(
            EvaluationAnswer(
                form=questionnaire, scope=Scope.EDITION, **form.cleaned_data
            )
            for _ in range(5)
        )
    ]
    return reverse("capitalisation:results", args=[questionnaire.edition_id])


def evaluation_questions(cast, value):
    """The questionnaire's wording, edited by an organiser in the admin."""
    from community.capitalisation.models import EvaluationForm

    questionnaire = EvaluationForm.for_edition(_evaluated_edition())
    response = logged_in_client(cast.superuser).post(
        reverse(
            "wagtailsnippets_capitalisation_evaluationform:edit",
            args=[questionnaire.pk],
        ),
        {
            "edition": questionnaire.edition_id,
            "is_open": "on",
            "intro": value,
            "satisfaction_question": value,
            "learned_question": value,
            "improve_question": value,
            "come_back_question": value,
        },
    )
    _ok(response, "questionnaire d'évaluation")
    return reverse("capitalisation:results", args=[questionnaire.edition_id])


def bilan_foreword_and_conclusion(cast, value):
    """The édition's bilan, written by an organiser in the rich text editor
    and published: its page (its PDF carries the same text)."""
    from community.capitalisation.models import BilanPage

    html = _rich_text_html(value)
    page = BilanPage.objects.child_of(_evaluated_edition()).get()
    page.foreword = html
    page.conclusion = html
    page.save_revision(user=cast["editor"]).publish()
    return page.url


WRITABLE_FIELDS = [
    WritableField(
        "profil : nom, fonction, organisation, présentation", 150, profile_texts
    ),
    WritableField("profil : lien (libellé et adresse)", 80, profile_link),
    WritableField(
        "message de demande d'adhésion", 1000, community_join_message, "animateur"
    ),
    WritableField("équipe : nom et présentation", 150, team_name_and_description),
    WritableField("équipe créée : nom et présentation", 150, team_creation),
    WritableField(
        "demande pour rejoindre une équipe : message",
        1000,
        team_join_request,
        "animateur",
    ),
    WritableField(
        "méthodologie : texte riche (éditeur)", 1000, method_rich_text, "anonymous"
    ),
    WritableField(
        "document : titre, description, auteur", 255, document_metadata, "anonymous"
    ),
    WritableField(
        "bibliographie : import BibTeX (titre, résumé)",
        250,
        bibliography_import,
        "anonymous",
    ),
    WritableField(
        "défi : six étapes et exposition (porteur)",
        1500,
        challenge_progress,
        "anonymous",
    ),
    WritableField("défi : nouvelle (titre, texte)", 200, challenge_news, "anonymous"),
    WritableField("proposition : brouillon relu par son auteur", 150, proposal_draft),
    WritableField(
        "proposition envoyée et commentaire, vus du comité",
        150,
        proposal_review,
        "animateur",
    ),
    WritableField("carnet : entrée (titre, texte), sa page", 200, carnet_entry),
    WritableField("carnet : entrée, page du carnet", 200, carnet_page),
    WritableField("carnet : comparaison de deux versions", 200, carnet_history),
    WritableField("carnet : question guide et présentation", 300, carnet_prompt),
    WritableField("carnet : pièce jointe (nom, description)", 100, carnet_attachment),
    WritableField("carnet : retour sur une entrée", 1000, carnet_comment),
    WritableField(
        "carnet du facilitateur : une étape", 1000, facilitator_steps, "animateur"
    ),
    WritableField("fil de discussion : titre et message", 200, thread_title_and_body),
    WritableField("réponse dans un fil", 2000, discussion_comment),
    WritableField("historique des versions d'un message", 2000, comment_edit_history),
    WritableField(
        "commentaire d'une ressource (terme du glossaire)",
        2000,
        resource_comment,
        "anonymous",
    ),
    WritableField(
        "recherche : « posez la question » (requête)", 200, ask_the_community
    ),
    WritableField(
        "nouveau fil : titre prérempli par la recherche", 200, prefilled_thread_title
    ),
    WritableField(
        "signalement : précisions (file de modération)",
        1000,
        report_details,
        "animateur",
    ),
    WritableField(
        "évaluation : réponses libres (résultats des organisateurs)",
        2000,
        evaluation_answers,
        "editor",
    ),
    WritableField(
        "évaluation : questions du questionnaire (administration)",
        200,
        evaluation_questions,
        "editor",
    ),
    WritableField(
        "bilan d'édition : avant-propos et conclusion (éditeur)",
        1000,
        bilan_foreword_and_conclusion,
        "anonymous",
    ),
]
