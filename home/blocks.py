"""StreamField blocks shared by every app's pages (home is the bottom layer)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .choices import CalloutStyle

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3")), ("h4", _("Niveau 4"))],
        default="h2",
        label=_("Niveau"),
        help_text=_("Respectez la hiérarchie : un niveau 3 suit toujours un niveau 2."),
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "home/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    source = blocks.CharBlock(
        required=False,
        label=_("Source"),
        help_text=_(
            "Une fonction ou une collectivité, jamais le nom d'une personne sans son accord."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=CalloutStyle.choices, default=CalloutStyle.INFO, label=_("Style")
    )
    title = blocks.CharBlock(required=False, label=_("Titre"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Texte"))

    class Meta:
        icon = "help"
        label = _("Encadré")
        template = "home/blocks/callout_block.html"


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Libellé"))
    page = blocks.PageChooserBlock(required=False, label=_("Page du site"))
    url = blocks.URLBlock(required=False, label=_("ou adresse externe"))

    class Meta:
        icon = "link"
        label = _("Bouton / lien")
        template = "home/blocks/link_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of generic pages; resource pages reuse it."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraphe"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    callout = CalloutBlock()
    link = LinkBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"))
