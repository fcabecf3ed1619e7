"""Settings shared by every environment: safe by default, read from the environment.

Only ``dev.py`` turns debugging on; ``production.py`` adds the deployment
hardening; ``test.py`` makes the suite fast and hermetic. Every variable read
here is documented in ``.env.example``.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SITE_NAME = "e-communauté de l'innovation publique territoriale"

# Safe defaults: no debug, no hosts, and a secret that must come from the
# environment (dev.py and test.py provide local ones; production refuses none).
DEBUG = env.boolean("DEBUG", default=False)
SECRET_KEY = env.string("SECRET_KEY", default="") or None
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries' ones.
    "home",
    "resources",
    "resources.bibliography",
    "community.members",
    # Notifications sit just above members: the apps above publish to them.
    "community.notifications",
    # Events before challenges: a défi names its édition and site, and the
    # demo content of défis hangs from the éditions.
    "community.events",
    "community.challenges",
    "search",
    # Wagtail
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Accounts (django-allauth) and threaded comments (django-comments-xtd)
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "allauth.socialaccount.providers.openid_connect",
    "django_comments_xtd",
    "django_comments",
    # After django-comments-xtd, whose ready() connects a receiver that the
    # discussions' ready() disconnects (see community/discussions/apps.py); and
    # after members, events and challenges, which it builds on.
    "community.discussions",
    # Carnets sit above discussions (feedback on entries is the discussions'
    # comments), members, events and challenges (a carnet belongs to a team,
    # its guide to an édition, the facilitator's carnet to a défi).
    "community.carnets",
    # Capitalisation sits on top of every other app (evaluations of the
    # events, booklets of the défis made of carnets and discussions).
    "community.capitalisation",
    # Background tasks: the database queue used in production
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # Needed for PostgreSQL search indexes (and harmless on SQLite).
    "django.contrib.postgres",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session, CSRF and messages middleware: it sees their cookies.
    "home.middleware.FrontCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.members.middleware.LoginForForbiddenMiddleware",
    "community.members.middleware.PolicySnapshotMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the views' exceptions first.
    "home.middleware.DatabaseUnavailableMiddleware",
    "home.middleware.ObjectStoreUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # `site/` is the site shell (base templates, includes, error pages); it is
        # not a Python package because the standard library owns the name `site`.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_shell",
                "community.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Database: SQLite by default, anything else through DATABASE_URL.
DATABASES = {
    "default": env.database(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# PostgreSQL cancels any statement of the site that runs longer than this many
# seconds (0: no limit), so that no request holds the database for minutes.
# manage.py commands (migrations, reindexing, the worker) run without limit
# unless the variable is set for them (see manage.py).
DATABASE_STATEMENT_TIMEOUT = env.integer("DATABASE_STATEMENT_TIMEOUT", default=20)
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and DATABASE_STATEMENT_TIMEOUT
):
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = " ".join(
        filter(
            None,
            [
                _options.get("options"),
                f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
            ],
        )
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Set from the first migration: Django cannot swap the user model later.
AUTH_USER_MODEL = "members.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr-fr"
LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Shared media for several web nodes: uploaded files in a private bucket of an
# S3-compatible object store (home/storage.py), from one URL
# http(s)://KEY:SECRET@host:port/bucket (scripts/services/objectstore prints it).
OBJECTSTORE = env.object_store("OBJECTSTORE_URL")
# Presigned links to images and avatars, written into a page for whoever may
# see them, expire after this many seconds (a front cache keeps pages less long).
OBJECTSTORE_URL_EXPIRY = env.integer("OBJECTSTORE_URL_EXPIRY", default=900, minimum=60)
if OBJECTSTORE:
    STORAGES["default"] = {
        "BACKEND": "home.storage.ObjectStorage",
        "OPTIONS": {**OBJECTSTORE, "querystring_expire": OBJECTSTORE_URL_EXPIRY},
    }
    # Documents are streamed by the site after its permission checks (with their
    # Content-Disposition and CSP), never redirected to the store.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# E-mail: console in development, SMTP through EMAIL_URL in production.
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.string(
    "DEFAULT_FROM_EMAIL", default="e-communauté <ne-pas-repondre@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# django.contrib.sites: Site(1) is renamed by home's data migration.
SITE_ID = 1

# Accounts (django-allauth): e-mail only, verified, rate-limited (allauth's
# default ACCOUNT_RATE_LIMITS stay on), optional TOTP second factor.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.members.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Members are named by their display name or e-mail, never by the generated
# username; e-mail links point at BASE_URL (community/members/adapter.py).
ACCOUNT_ADAPTER = "community.members.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "community.members.adapter.user_display"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True  # ProConnect e-mails are verified
SOCIALACCOUNT_PROVIDERS = env.openid_connect_providers()

# Threaded comments (django-comments-xtd), used by the discussions.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "community.discussions.models.Comment"
# Levels 0, 1 and 2: replies nest three deep; a reply to a comment at the
# deepest level is attached beside it and names the comment it answers.
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
# Distinct pending reports after which a post is hidden until a moderator
# decides (see community/discussions/conf.py for the rate limits).
DISCUSSIONS_REPORTS_TO_HIDE = 3

# Cache, sessions, rate-limit counters and cache locks. With REDIS_URL (several
# web nodes): Django's Redis cache, shared by every process, for which a Redis
# that does not answer is a miss (home/cache.py), and sessions in the database
# with their copy in the cache (cached_db: a login made on one node is valid on
# every other, and survives Redis going down). Without it, Django's defaults
# as on one machine: a memory cache per process, sessions in the database.
REDIS_URL = env.redis_url("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": env.redis_cache(REDIS_URL)}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work: Django's tasks API. Production runs `manage.py db_worker`.
# Capitalisation: an evaluation's results are shown per group (site, session…)
# only from this many answers on, so that nobody is recognised in a small
# group; invitations go out for what ended in the last N days.
EVALUATION_MIN_ANSWERS = 5
EVALUATION_INVITATION_WINDOW = 14

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Search: Wagtail's database back end by default; Elasticsearch 8 on demand.
SEARCH_BACKEND = env.choice(
    "SEARCH_BACKEND", choices={"database", "elasticsearch"}, default="database"
)
# ELASTICSEARCH_URL: one node, or the nodes of a cluster separated by commas
# (the client spreads requests over them and skips a dead one).
ELASTICSEARCH_URL = (
    env.string("ELASTICSEARCH_URL", default=None)
    if SEARCH_BACKEND == "elasticsearch"
    else env.string("ELASTICSEARCH_URL", default="")
)
ELASTICSEARCH_URLS = (
    env.url_list("ELASTICSEARCH_URL", default=None, schemes=("http", "https"))
    if SEARCH_BACKEND == "elasticsearch"
    else []
)
ELASTICSEARCH_INDEX_PREFIX = env.string(
    "ELASTICSEARCH_INDEX_PREFIX", default="ecommunaute_"
)
# Replicas of every index (the site's and Wagtail's): by default "0-1", that is
# Elasticsearch's auto_expand_replicas: none on a single node (which stays
# green), one as soon as the cluster has two data nodes or more, without a
# reindex when nodes are added. A number fixes it instead.
ELASTICSEARCH_REPLICAS = env.replicas("ELASTICSEARCH_REPLICAS", default="0-1")
# The one set of client options, for the site's client (search/backends/
# elasticsearch.py) and Wagtail's: see env.elasticsearch_client_options.
ELASTICSEARCH_TIMEOUT = env.integer("ELASTICSEARCH_TIMEOUT", default=10, minimum=1)
ELASTICSEARCH_CLIENT_OPTIONS = env.elasticsearch_client_options(ELASTICSEARCH_URLS)
if SEARCH_BACKEND == "elasticsearch":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ELASTICSEARCH_URLS,
            # Wagtail's admin search keeps its own indexes beside the site's.
            "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX + "wagtail_",
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
            "OPTIONS": dict(ELASTICSEARCH_CLIENT_OPTIONS),
            "INDEX_SETTINGS": {"settings": {"index": ELASTICSEARCH_REPLICAS}},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }

# Shared front cache (a reverse proxy such as nginx): anonymous pages without a
# form are ``public`` for this many seconds (home.middleware.FrontCacheMiddleware);
# with FRONTEND_CACHE_URL, the proxy's address, publishing or unpublishing a page
# sends it (and its listings) a PURGE (home/front_cache.py).
FRONTEND_CACHE_SECONDS = env.integer("FRONTEND_CACHE_SECONDS", default=300)
FRONTEND_CACHE_URL = env.string("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.url(
                "FRONTEND_CACHE_URL", default="", schemes=("http", "https")
            ),
        }
    }

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
# The site's public address, from BASE_URL: links in e-mails, iCal files and
# Wagtail's admin e-mails; ``manage.py sync_site`` (and ``seed_demo``) give it
# to the Wagtail Site and django.contrib.sites (sitemap, API, feeds): see
# home/sites.py. ``make run`` exports it; production requires it.
WAGTAILADMIN_BASE_URL = env.url(
    "BASE_URL", default="http://127.0.0.1:8000", schemes=("http", "https")
).rstrip("/")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Documents carry Dublin Core metadata and their extracted text (resources app).
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ResourceDocument"
# Its admin form also checks that a file's bytes match its extension.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.admin_forms.DocumentForm"
# Moderation e-mails go to the reviewers (Éditeurs), not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels, not bytes, make an image costly to decode (a 50 KB PNG can claim
# 20,000 × 20,000): the limit of every image upload, avatars included
# (home/uploads.py), checked from the header before decoding.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40 * 1000 * 1000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.admin_forms.ImageForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

REST_FRAMEWORK = {
    # The public API is read-only and anonymous-safe; Wagtail filters to live,
    # public pages.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Security defaults that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the admin's JavaScript reads it

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
