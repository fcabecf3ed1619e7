from django import template

from ..glossary_links import link_glossary_terms as _link_glossary_terms
from ..glossary_links import link_page_html

register = template.Library()


@register.filter
def link_glossary_terms(value, page=None):
    """``{{ value|richtext|link_glossary_terms:page }}``: link glossary terms once
    per page (see ``resources.glossary_links``). Also takes a rendered StreamField."""
    return _link_glossary_terms(value, page)


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        return link_page_html(self.nodelist.render(context), self.page.resolve(context))


@register.tag
def glossary_links(parser, token):
    """``{% glossary_links page %}…{% endglossary_links %}``: the page's own
    text, rendered, then linked to the glossary once for all its fields and
    cached per revision (see ``resources.glossary_links.link_page_html``)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% glossary_links page %} takes the page.")
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist, parser.compile_filter(bits[1]))
