"""What a learning team works on, offered by the apps above members.

Members sits below the apps whose objects a team works on (a défi), so it
cannot name them. Such an app registers a ``TeamLink`` from its ``ready()``:
the team creation form then offers the link as a field (preselected by the
query parameter of the same name, e.g. ``?defi=12`` from « Former une équipe
sur ce défi ») and ``attach`` records it where the app declared the
relation. The team page shows the linked objects through a page section
(``home.sections``, target ``members.team``) registered by the same app.
Nothing here imports those apps.
"""

_links = []


class TeamLink:
    """One kind of link; subclasses fill in the methods."""

    key = ""  # the form field's name and the query parameter that preselects it
    label = ""
    help_text = ""
    empty_label = ""

    def choices(self, user, community):
        """``[(value, label)]`` the user may choose for a team of ``community``."""
        return []

    def validate(self, value, cleaned_data):
        """Raise ``ValidationError`` if ``value`` does not fit the rest of the
        form (``cleaned_data``)."""

    def suggested(self, value):
        """Initial values of other fields when ``value`` is preselected (the
        défi's édition year, for instance)."""
        return {}

    def attach(self, team, value, user):
        """Record the link; runs inside the team's creation transaction."""
        raise NotImplementedError


def register(link_class):
    """Offer ``link_class``'s link on the team creation form (from ``ready()``)."""
    link = link_class()
    _links[:] = [existing for existing in _links if existing.key != link.key]
    _links.append(link)
    return link_class


def links():
    return list(_links)
