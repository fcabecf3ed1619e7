from django import template

register = template.Library()


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the home page down (Wagtail's root excluded)."""
    ancestors = page.get_ancestors().filter(depth__gt=1).live() if page else []
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def is_current_section(context, nav_page):
    """True when the page being shown is ``nav_page`` or below it."""
    page = context.get("page")
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(nav_page.path)
