"""Forms of the discussions: every text goes through ``home.markup.clean_text``
(invisible and control characters dropped) before its length and emptiness
are checked, so a post of zero-width spaces is as empty as a blank one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.markup import clean_text
from home.models import Theme

from .choices import ModerationAction, ReportReason, ThreadKind
from .models.threads import BODY_MAX_LENGTH, TITLE_MAX_LENGTH

MARKDOWN_HELP = _(
    "Mise en forme simple : **gras**, *italique*, [texte du lien](https://…), "
    "listes avec -, > pour citer. Mentionnez un membre avec @ suivi de son "
    "identifiant (proposé par le champ « Mentionner un membre »)."
)


class PostTextField(forms.CharField):
    def __init__(self, *, empty_message, **kwargs):
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = empty_message
        self.error_messages["max_length"] = _(
            "Le texte fait %(show_value)d caractères ; le maximum est %(limit_value)d."
        )

    def to_python(self, value):
        return clean_text(super().to_python(value))


class ThreadForm(forms.Form):
    title = PostTextField(
        label=_("Titre"),
        max_length=TITLE_MAX_LENGTH,
        empty_message=_("Donnez un titre au fil."),
        widget=forms.TextInput,
    )
    body = PostTextField(
        label=_("Message d'ouverture"),
        max_length=BODY_MAX_LENGTH,
        empty_message=_("Le message d'ouverture est vide."),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    kind = forms.ChoiceField(
        label=_("Type de fil"),
        # A resource's comments thread is opened by its first comment.
        choices=[
            (k.value, k.label) for k in (ThreadKind.DISCUSSION, ThreadKind.DEBATE)
        ],
        initial=ThreadKind.DISCUSSION,
        widget=forms.RadioSelect,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Ce thème n'existe pas.")},
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["kind"]


class CommentForm(forms.Form):
    comment = PostTextField(
        label=_("Votre réponse"),
        max_length=BODY_MAX_LENGTH,
        empty_message=_(
            "Le message est vide : écrivez quelque chose avant de publier."
        ),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    reply_to = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "invalid": _("Le message auquel vous répondez est introuvable.")
        },
    )


class EditCommentForm(forms.Form):
    comment = PostTextField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        empty_message=_(
            "Le message est vide. Pour le retirer, utilisez « Supprimer »."
        ),
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif du signalement"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez un motif.")},
    )
    details = PostTextField(
        label=_("Précisions (facultatif)"),
        max_length=1000,
        required=False,
        empty_message="",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


MODERATION_CHOICES = [
    (ModerationAction.APPROVE, _("Rétablir (les signalements sont écartés)")),
    (ModerationAction.HIDE, _("Masquer")),
    (ModerationAction.DELETE, _("Supprimer")),
    (ModerationAction.WARN, _("Avertir l'auteur (le message reste)")),
]


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Décision"), choices=MODERATION_CHOICES, widget=forms.RadioSelect
    )
    reason = PostTextField(
        label=_("Motif (envoyé à l'auteur)"),
        max_length=1000,
        required=False,
        empty_message="",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnimateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (ModerationAction.LOCK, _("Verrouiller")),
            (ModerationAction.UNLOCK, _("Déverrouiller")),
            (ModerationAction.PIN, _("Épingler")),
            (ModerationAction.UNPIN, _("Désépingler")),
            (ModerationAction.ARCHIVE, _("Archiver")),
            (ModerationAction.UNARCHIVE, _("Désarchiver")),
        ]
    )
    reason = PostTextField(
        label=_("Raison du verrouillage (affichée dans le fil)"),
        max_length=300,
        required=False,
        empty_message="",
    )


class DiscussionFilterForm(forms.Form):
    """« Toutes les discussions »: by space and thème (GET)."""

    espace = forms.ChoiceField(label=_("Espace"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tous les thèmes"),
    )

    def __init__(self, *args, spaces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["espace"].choices = [("", _("Tous les espaces")), *spaces]
