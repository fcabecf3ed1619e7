"""The upload form of a Trello import: the board's JSON export and the
collection of the document library it goes into (among those the editor may
add documents to)."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from home.trello import MAX_FILE_SIZE, TrelloFileError, parse_board

from ..editorial import COLLECTION_NAME


def collections_for(user):
    """Collections where ``user`` may add documents."""
    policy = policy_registry.get_by_type(get_document_model())
    return policy.collections_user_has_permission_for(user, "add")


class TrelloUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Export JSON du tableau Trello"),
        help_text=_(
            "Dans Trello : Menu › Imprimer, exporter et partager › Exporter au "
            "format JSON. %(size)s au plus. Rien n'est enregistré avant votre "
            "confirmation."
        )
        % {"size": filesizeformat(MAX_FILE_SIZE)},
    )
    collection = forms.ModelChoiceField(
        label=_("Collection de la bibliothèque de documents"),
        queryset=None,
        empty_label=None,
        help_text=_("Chaque carte y devient un document."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        collections = collections_for(user)
        self.fields["collection"].queryset = collections
        # The library's own collection rather than the root, when allowed.
        library = collections.filter(name=COLLECTION_NAME).first()
        if library is not None:
            self.fields["collection"].initial = library.pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("Le fichier pèse %(size)s : la limite est de %(max)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(MAX_FILE_SIZE),
                }
            )
        try:
            self.board = parse_board(upload.read())
        except TrelloFileError as error:
            raise forms.ValidationError(str(error)) from None
        if not self.board.cards:
            raise forms.ValidationError(_("Ce tableau n'a aucune carte à importer."))
        return upload
