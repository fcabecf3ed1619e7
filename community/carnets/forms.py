"""Forms of the carnets: entries, attachments, sharing, secret links, the
facilitator's steps. Every message a member may see is French and says what
to do."""

from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from home.storage import ensure_writable

from .choices import (
    Checkpoint,
    EntryKind,
    EntrySharing,
    FacilitatorSharing,
    Moment,
    Sharing,
)
from .models import Carnet, FacilitatorStep
from .text import clean_text
from .uploads import MAX_ATTACHMENTS, check_attachment

MAX_BODY = 50_000
MAX_LINKS = 10


class EntryForm(forms.Form):
    """Write or edit an entry. ``base_version`` is the version the writer
    started from: the save is refused if the entry moved on since."""

    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        error_messages={"required": _("Donnez un titre à l'entrée.")},
    )
    body = forms.CharField(
        label=_("Texte"),
        widget=forms.Textarea(attrs={"rows": 14, "data-carnet-editor": ""}),
        help_text=_(
            "Mise en forme simple : **gras**, *italique*, listes commençant par "
            "« - », titres commençant par « # », liens [texte](adresse)."
        ),
        error_messages={"required": _("Écrivez le texte de l'entrée.")},
    )
    moment = forms.ChoiceField(
        label=_("Moment"),
        choices=Moment.choices,
        error_messages={
            "invalid_choice": _(
                "Ce moment n'existe pas dans le carnet : choisissez l'un des "
                "moments proposés."
            )
        },
    )
    checkpoint = forms.TypedChoiceField(
        label=_("Point d'étape (suites)"),
        choices=[("", _("—"))] + Checkpoint.choices,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Pour les suites : combien de mois après l'événement."),
    )
    prompt = forms.TypedChoiceField(
        label=_("Question guide"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("L'entrée répond à une question du guide, ou reste libre."),
    )
    links = forms.CharField(
        label=_("Ressources et défis liés"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Collez l'adresse de pages du site (méthodologies, glossaire, "
            "défis…), une par ligne. Les termes du glossaire sont liés d'office."
        ),
    )
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, prompts=(), user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = {prompt.pk: prompt for prompt in prompts}
        self.user = user
        groups = {}
        for prompt in prompts:
            groups.setdefault(Moment(prompt.moment).label, []).append(
                (prompt.pk, prompt.question)
            )
        self.fields["prompt"].choices = [("", _("Entrée libre")), *groups.items()]

    def clean_title(self):
        title = clean_text(self.cleaned_data["title"])
        if not title:
            raise ValidationError(_("Donnez un titre à l'entrée."))
        return title

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if not body:
            raise ValidationError(_("Écrivez le texte de l'entrée."))
        if len(body) > MAX_BODY:
            raise ValidationError(
                _(
                    "Le texte fait %(length)s caractères : la limite est de "
                    "%(limit)s. Partagez-le en deux entrées."
                ),
                params={
                    "length": f"{len(body):,}".replace(",", " "),
                    "limit": "50 000",
                },
            )
        return body

    def clean_prompt(self):
        pk = self.cleaned_data.get("prompt")
        return self.prompts.get(pk) if pk else None

    def clean_links(self):
        lines = [
            line.strip()
            for line in self.cleaned_data["links"].splitlines()
            if line.strip()
        ]
        if len(lines) > MAX_LINKS:
            raise ValidationError(
                _("Dix liens au plus par entrée."), code="too_many_links"
            )
        pages, unknown = [], []
        for line in lines:
            page = resolve_page(line)
            if page is None or (
                self.user is not None and not _readable(self.user, page)
            ):
                unknown.append(line)
            elif page not in pages:
                pages.append(page)
        if unknown:
            raise ValidationError(
                _("Ces adresses ne sont pas des pages du site : %(addresses)s."),
                params={"addresses": ", ".join(unknown)},
            )
        return pages

    def clean(self):
        cleaned = super().clean()
        moment, prompt = cleaned.get("moment"), cleaned.get("prompt")
        if prompt is not None and moment and prompt.moment != moment:
            self.add_error(
                "prompt",
                _("Cette question guide appartient à un autre moment du carnet."),
            )
        if moment != Moment.FOLLOW_UP:
            cleaned["checkpoint"] = None
        return cleaned


def _readable(user, page):
    from community.members import policy

    return policy.can_view(user, page.specific)


def resolve_page(address):
    """The live page of this site at ``address`` (a URL or a path), or None."""
    path = urlsplit(address).path or "/"
    if not path.endswith("/"):
        path += "/"
    for site in Site.objects.select_related("root_page"):
        url_path = site.root_page.url_path.rstrip("/") + path
        page = Page.objects.live().filter(url_path=url_path).first()
        if page is not None:
            return page
    return None


class NewEntryForm(EntryForm):
    kind = forms.ChoiceField(
        label=_("Type d'entrée"),
        choices=EntryKind.choices,
        initial=EntryKind.INDIVIDUAL,
        widget=forms.RadioSelect,
        help_text=_(
            "Une contribution individuelle est signée de votre nom ; la synthèse "
            "collective est écrite à plusieurs par l'équipe."
        ),
    )
    visibility = forms.ChoiceField(
        label=_("Partage"),
        choices=EntrySharing.choices,
        initial=EntrySharing.CARNET,
    )

    field_order = ["kind", "moment", "checkpoint", "prompt", "title", "body"]


class EntrySharingForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Qui peut lire cette entrée ?"), choices=EntrySharing.choices
    )


class CarnetSettingsForm(forms.ModelForm):
    class Meta:
        model = Carnet
        fields = ["visibility", "keep_departed_entries"]
        labels = {"visibility": _("Qui peut lire le carnet ?")}


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label=_("Pour qui est ce lien ?"),
        max_length=120,
        required=False,
        help_text=_("Par exemple « la direction de la collectivité »."),
    )
    days = forms.TypedChoiceField(
        label=_("Valable"),
        choices=[(7, _("7 jours")), (30, _("30 jours")), (90, _("90 jours"))],
        coerce=int,
        initial=30,
    )
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def expires_at(self):
        return timezone.now() + timedelta(days=self.cleaned_data["days"])


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_(
            "Image (PNG, JPEG, GIF, WebP, 10 Mo au plus) ou document (PDF, "
            "traitement de texte, tableur, présentation, 20 Mo au plus)."
        ),
        error_messages={"required": _("Choisissez un fichier à joindre.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=250,
        required=False,
        help_text=_(
            "Pour une image, obligatoire : ce qu'elle montre, pour les personnes "
            "qui ne la voient pas."
        ),
    )

    def __init__(self, *args, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if self.entry is not None and self.entry.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError(
                _("Cette entrée a déjà %(n)s pièces jointes, le maximum."),
                params={"n": MAX_ATTACHMENTS},
            )
        try:
            kind, name, width, height = check_attachment(upload)
            ensure_writable()
        except ValidationError as error:
            self.add_error("file", error)
            return cleaned
        cleaned.update(kind=kind, name=name, width=width, height=height)
        if kind == "image" and not clean_text(cleaned.get("description", "")):
            self.add_error(
                "description",
                _("Décrivez l'image en quelques mots (texte alternatif)."),
            )
        return cleaned


class FacilitatorStepForm(forms.ModelForm):
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = FacilitatorStep
        fields = [
            "objectives",
            "timing",
            "materials",
            "methods",
            "happened",
            "improvements",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in FacilitatorStep.TEXT_FIELDS
        } | {"methods": forms.CheckboxSelectMultiple}

    def __init__(self, *args, methods=None, **kwargs):
        super().__init__(*args, **kwargs)
        if methods is not None:
            self.fields["methods"].queryset = methods
        for name in FacilitatorStep.TEXT_FIELDS:
            self.fields[name].max_length = 10_000

    def clean(self):
        cleaned = super().clean()
        for name in FacilitatorStep.TEXT_FIELDS:
            value = clean_text(cleaned.get(name, ""))
            if len(value) > 10_000:
                self.add_error(name, _("10 000 caractères au plus."))
            cleaned[name] = value
        return cleaned


class FacilitatorSharingForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Qui peut lire ce carnet ?"), choices=FacilitatorSharing.choices
    )


SHARING_LABELS = dict(Sharing.choices)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Votre retour"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("3 000 caractères au plus ; même mise en forme que les entrées."),
        error_messages={"required": _("Écrivez votre retour avant de l'envoyer.")},
    )

    def clean_comment(self):
        text = clean_text(self.cleaned_data["comment"])
        if not text:
            raise ValidationError(_("Écrivez votre retour avant de l'envoyer."))
        return text
