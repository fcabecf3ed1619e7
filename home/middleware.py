"""Language selection: French unless the visitor explicitly chose another.

Django's LocaleMiddleware follows the browser's Accept-Language, which would
turn the interface English around French content (and declare the page
``lang="en"``, misleading screen readers). Here only the language cookie set
by Django's ``set_language`` view (the footer's switch) changes it.
"""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
