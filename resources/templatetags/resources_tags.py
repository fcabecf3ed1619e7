from django import template

from ..glossary_links import link_glossary_terms as _link_glossary_terms

register = template.Library()


@register.filter
def link_glossary_terms(value, page=None):
    """``{{ value|richtext|link_glossary_terms:page }}``: link glossary terms once
    per page (see ``resources.glossary_links``). Also takes a rendered StreamField."""
    return _link_glossary_terms(value, page)
