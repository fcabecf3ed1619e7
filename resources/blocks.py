"""StreamField blocks of the resource pages (built on home's shared blocks)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from home.blocks import RICH_TEXT_FEATURES, BodyBlock


class StepBlock(blocks.StructBlock):
    """One step of a method sheet; steps are shown as an ordered list."""

    title = blocks.CharBlock(label=_("Étape"))
    duration = blocks.CharBlock(
        required=False,
        label=_("Durée"),
        help_text=_("Par exemple « 20 min » ; laissez vide si elle varie."),
    )
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, label=_("Déroulé")
    )

    class Meta:
        icon = "list-ol"
        label = _("Étape")
        template = "resources/blocks/step_block.html"


class AccessibleTableBlock(TableBlock):
    """A table with a caption and header cells (``<th scope>``) for screen readers."""

    class Meta:
        icon = "table"
        label = _("Tableau")
        help_text = _(
            "Donnez un titre au tableau et cochez « première ligne » et « première "
            "colonne » comme en-têtes quand c'est une matrice (SWOT croisé…)."
        )


class ResourceBodyBlock(BodyBlock):
    """The shared body blocks plus tables (matrices, grids)."""

    table = AccessibleTableBlock(
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        },
    )
