from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.api import api_router
from home.language import choose_language
from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("community.members.urls")),
    path("communaute/discussions/", include("community.discussions.urls")),
    path("communaute/notifications/", include("community.notifications.urls")),
    path("", include("community.events.urls")),
    path("", include("community.carnets.urls")),
    path("capitalisation/", include("community.capitalisation.urls")),
    path("comptes/", include("allauth.urls")),
    path("i18n/langue/<str:code>/", choose_language, name="choose_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("recherche/", include(search_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# allauth's refusal page (its rate limits): French, and a 503 when the shared
# cache that counts the attempts is down (home/views.py).
handler429 = "home.views.rate_limited"

# Wagtail's page serving comes last: it catches every remaining URL.
urlpatterns += [path("", include(wagtail_urls))]
