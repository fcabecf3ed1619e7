from django import template

register = template.Library()


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the home page down (Wagtail's root excluded)."""
    if not page:
        ancestors = []
    elif getattr(page, "route_ancestors", None) is not None:
        # Read by the routing already (``home.pages.route_in_one_read``).
        ancestors = [a for a in page.route_ancestors if a.depth > 1 and a.live]
    else:
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def is_current_section(context, nav_page):
    """True when the page being shown is ``nav_page`` or below it."""
    page = context.get("page")
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(nav_page.path)


@register.simple_tag
def field_widget(bound_field):
    """Render a form field's widget with its help and errors tied to it."""
    described_by = []
    attrs = {}
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-aide")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-erreurs")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def page_sections(context, target, obj):
    """The sections other apps registered on this page (``home.sections``),
    each in its own region under its heading.

    Section templates are rendered without the context processors (no query
    of the site shell per section): they get their own context plus
    ``request``, ``user``, ``csrf_token`` and ``object``."""
    from django.template.loader import get_template

    from ..sections import visible_sections

    request = context.get("request")
    shown = visible_sections(target, request, obj)
    if not shown:
        return ""
    rendered = []
    for section, title, values in shown:
        # Rendered templates are safe strings: the wrapper does not escape them.
        body = get_template(section.template).render(
            {
                **values,
                "request": request,
                "user": getattr(request, "user", None),
                "csrf_token": context.get("csrf_token"),
                "object": obj,
                "section": section,
            }
        )
        rendered.append((section, title, body))
    return get_template("home/includes/page_sections.html").render(
        {"sections": rendered}
    )
