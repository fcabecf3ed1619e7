"""Forms of the members app: sign-up extras, profile, communities, teams."""

from io import BytesIO

from django import forms
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from PIL import Image, UnidentifiedImageError

from home.models import Theme
from home.storage import ensure_writable
from home.uploads import open_image

from . import team_links
from .choices import MembershipRole, TeamJoinPolicy
from .models import LearningTeam, Profile, ProfileLink, User
from .models.teams import TEAM_MAX_SIZE_LIMIT
from .models.users import VISIBLE_FIELDS

TERMS_VERSION = "2026-11"
AVATAR_MAX_BYTES = 2 * 1024 * 1024
AVATAR_SIZE = 256
# A team is created for the coming édition, or recorded for one of the past ones.
TEAM_PAST_YEARS = 10


def _new_window_link(page, text):
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}'
        '<span class="visually-hidden"> {}</span></a>',
        page.url,
        text,
        _("(nouvelle fenêtre)"),
    )


def terms_label():
    """« J'accepte les conditions d'utilisation… », linked to the pages that
    the site's settings name (plain text while they are not chosen)."""
    from wagtail.models import Site

    from home.models import ShellSettings

    site = Site.objects.filter(is_default_site=True).first()
    shell = ShellSettings.for_site(site) if site else None
    terms = shell.terms_page if shell and shell.terms_page_id else None
    privacy = shell.privacy_page if shell and shell.privacy_page_id else None
    if terms is None or privacy is None or not (terms.live and privacy.live):
        return _(
            "J'accepte les conditions d'utilisation et la politique de données "
            "personnelles"
        )
    return format_html(
        _("J'accepte les {terms} et la {privacy}"),
        terms=_new_window_link(terms, _("conditions d'utilisation")),
        privacy=_new_window_link(privacy, _("politique de données personnelles")),
    )


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Nom affiché"),
        max_length=150,
        help_text=_("Le nom sous lequel les autres membres vous verront."),
    )
    accept_terms = forms.BooleanField(
        label=_(
            "J'accepte les conditions d'utilisation et la politique de données personnelles"
        ),
        required=True,
        error_messages={
            "required": _("Vous devez accepter les conditions pour créer un compte.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].label = terms_label()

    def signup(self, request, user):
        from .models import TermsConsent

        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])
        TermsConsent.objects.create(user=user, version=TERMS_VERSION)


def resized_avatar(upload):
    """Check an uploaded avatar by its content and return a square JPEG of
    AVATAR_SIZE pixels; raise ValidationError with a clear message otherwise."""
    if upload.size > AVATAR_MAX_BYTES:
        raise forms.ValidationError(
            _("La photo pèse %(size)s Mo ; le maximum est 2 Mo."),
            params={"size": round(upload.size / 1024 / 1024, 1)},
        )
    try:
        # The pixel count is read from the header and checked before anything
        # is decoded (an image bomb is refused here, with its own message).
        image = open_image(upload)
        image.verify()  # detects truncated or forged files
        image = open_image(upload)
        # JPEG decodes straight to a smaller scale when that is enough.
        image.draft("RGB", (AVATAR_SIZE, AVATAR_SIZE))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise forms.ValidationError(
            _("Ce fichier n'est pas une image lisible (JPEG, PNG, GIF ou WebP).")
        ) from error
    if image.format not in {"JPEG", "PNG", "GIF", "WEBP"}:
        raise forms.ValidationError(_("Formats acceptés : JPEG, PNG, GIF ou WebP."))
    image = image.convert("RGB")
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    image = image.crop((left, top, left + side, top + side)).resize(
        (AVATAR_SIZE, AVATAR_SIZE), Image.Resampling.LANCZOS
    )
    output = BytesIO()
    image.save(output, format="JPEG", quality=85)  # re-encoding drops metadata (EXIF)
    return InMemoryUploadedFile(
        output, "avatar", "avatar.jpg", "image/jpeg", output.getbuffer().nbytes, None
    )


class ProfileForm(forms.ModelForm):
    display_name = forms.CharField(label=_("Nom affiché"), max_length=150)
    # A plain file field: the size is checked before Pillow opens the file,
    # then ``resized_avatar`` checks the content (one message per problem).
    avatar = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG, GIF ou WebP, 2 Mo au plus ; recadrée en carré."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
    )
    interests = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Centres d'intérêt (thèmes)"),
    )

    class Meta:
        model = Profile
        fields = [
            "job_title",
            "organisation",
            "employment_framework",
            "territory",
            "bio",
            "avatar",
            "interests",
            *(f"{name}_visibility" for name in VISIBLE_FIELDS),
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "avatar": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
        }
        labels = {f"{name}_visibility": _("Visible par") for name in VISIBLE_FIELDS}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["display_name"].initial = user.display_name
        self.order_fields(["display_name"])
        # A visibility always has a value (its default): nothing to fill in, so
        # not marked as required; a missing one falls back to its default.
        for name in VISIBLE_FIELDS:
            self.fields[f"{name}_visibility"].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name, default in VISIBLE_FIELDS.items():
            if not cleaned_data.get(f"{name}_visibility"):
                cleaned_data[f"{name}_visibility"] = default
        return cleaned_data

    def visibility_pairs(self):
        """(field, its visibility field) for the template."""
        return [
            (self[name], self[f"{name}_visibility"])
            for name in VISIBLE_FIELDS
            if name != "links"
        ]

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and hasattr(avatar, "content_type"):  # a new upload
            resized = resized_avatar(avatar)
            ensure_writable()
            return resized
        return avatar

    def save(self, commit=True):
        profile = super().save(commit=commit)
        self.user.display_name = self.cleaned_data["display_name"]
        if commit:
            self.user.save(update_fields=["display_name"])
        return profile


class HttpsURLField(forms.URLField):
    """A URL field that completes a bare domain with https://, not http://."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class ProfileLinkForm(forms.ModelForm):
    """One link of the profile. The empty row offered for a new link is
    optional, so its fields are not marked required: a label and an address
    are asked for together, once one of them is filled in."""

    class Meta:
        model = ProfileLink
        fields = ["label", "url"]
        field_classes = {"url": HttpsURLField}
        labels = {"label": _("Libellé du lien"), "url": _("Adresse (https://…)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("DELETE"):
            return cleaned_data
        label, url = cleaned_data.get("label"), cleaned_data.get("url")
        if not label and "label" not in self.errors and (url or self.instance.pk):
            self.add_error(
                "label",
                _("Donnez un libellé à ce lien (ou cochez « Supprimer »).")
                if self.instance.pk
                else _("Donnez un libellé à ce lien."),
            )
        if not url and "url" not in self.errors and (label or self.instance.pk):
            self.add_error("url", _("Indiquez l'adresse de ce lien."))
        return cleaned_data


ProfileLinkFormSet = inlineformset_factory(
    Profile,
    ProfileLink,
    form=ProfileLinkForm,
    extra=1,
    max_num=5,
    validate_max=True,
    can_delete=True,
)


class MembershipRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message aux animateurs (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse électronique de la personne invitée"))
    role = forms.ChoiceField(
        label=_("Rôle"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )


class TeamForm(forms.ModelForm):
    """A team's name and presentation, written by its members."""

    class Meta:
        model = LearningTeam
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"description": _("Présentation courte")}


def team_years():
    this_year = timezone.localdate().year
    return range(this_year + 1, this_year - TEAM_PAST_YEARS - 1, -1)


class TeamSettingsForm(forms.ModelForm):
    """How a team admits people: set by its facilitateurs and the animateurs."""

    class Meta:
        model = LearningTeam
        fields = ["join_policy", "max_size"]
        widgets = {
            "join_policy": forms.RadioSelect,
            "max_size": forms.NumberInput(attrs={"min": 2, "max": TEAM_MAX_SIZE_LIMIT}),
        }


class TeamCreateForm(forms.ModelForm):
    """A new team in a community: its name, édition, défi (offered by the
    apps that register a team link), presentation and how one joins it."""

    year = forms.TypedChoiceField(
        label=_("Édition (année)"),
        coerce=int,
        help_text=_("L'année de l'université où l'équipe se forme."),
    )

    class Meta:
        model = LearningTeam
        fields = ["name", "year", "description", "join_policy", "max_size"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "join_policy": forms.RadioSelect,
            "max_size": forms.NumberInput(attrs={"min": 2, "max": TEAM_MAX_SIZE_LIMIT}),
        }
        labels = {"description": _("Présentation courte")}
        help_texts = {
            "name": _("Unique dans l'e-communauté ; 150 caractères au plus."),
            "description": _(
                "Ce que l'équipe veut apprendre ou faire ensemble, en quelques lignes."
            ),
        }

    def __init__(self, *args, community, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.community = community
        self.fields["year"].choices = [(y, str(y)) for y in team_years()]
        self.fields["year"].initial = timezone.localdate().year
        self.fields["join_policy"].initial = TeamJoinPolicy.OPEN
        self.links = team_links.links()
        for link in self.links:
            choices = link.choices(user, community)
            self.fields[link.key] = forms.ChoiceField(
                label=link.label,
                help_text=link.help_text,
                required=False,
                choices=[("", link.empty_label or "—"), *choices],
            )
            wanted = self.initial.get(link.key)
            if wanted and str(wanted) in {str(value) for value, _label in choices}:
                self.fields[link.key].initial = str(wanted)
                for name, value in link.suggested(wanted).items():
                    self.fields[name].initial = value
        self.order_fields(["name", "year", *(link.key for link in self.links)])

    def clean(self):
        cleaned_data = super().clean()
        for link in self.links:
            value = cleaned_data.get(link.key)
            if value:
                try:
                    link.validate(value, cleaned_data)
                except forms.ValidationError as error:
                    self.add_error(link.key, error)
        return cleaned_data

    def link_values(self):
        return {link.key: self.cleaned_data.get(link.key) for link in self.links}


class TeamJoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message aux facilitateurs (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TeamAddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Adresse électronique du membre à ajouter"))

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(
            email__iexact=email,
            memberships__community=self.team.community,
            is_active=True,
        ).first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "Aucun membre de l'e-communauté « %(community)s » n'a cette adresse."
                ),
                params={"community": self.team.community},
            )
        if self.team.memberships.filter(user=user).exists():
            raise forms.ValidationError(
                _("Cette personne fait déjà partie de l'équipe.")
            )
        self.user = user
        return email


class DeleteAccountForm(forms.Form):
    KEEP = "anonymise"
    DELETE = "delete"
    contributions = forms.ChoiceField(
        label=_("Mes contributions"),
        choices=[
            (KEEP, _("Les conserver, signées « Membre supprimé »")),
            (DELETE, _("Les supprimer aussi")),
        ],
        initial=KEEP,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("Pour confirmer, saisissez votre adresse électronique"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("Cette adresse n'est pas celle de votre compte.")
            )
        return email
