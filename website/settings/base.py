"""Settings shared by every environment; everything variable comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from .background import *  # noqa: F403 (the task queue, periodic jobs and e-mail)
from .background import BACKGROUND_APPS
from .environment import env_bool, env_list
from .security import *  # noqa: F403 (logins, sessions, security headers and the CSP)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, ground floor first: imports point down (the README, "Layout").
    "core",
    "feedback",
    "alerts",
    "events",
    "registrations",
    "knowledge",
    "home",
    "editorial",
    # The translation workflow (docs/translation.md); its locales app stands in for wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
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
    "django_tasks",
    "django_tasks_db",
    *BACKGROUND_APPS,
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: a cache hit is answered before any other work, with the headers stored with the page
    # (security headers and CSP included), and touches no database (docs/performance.md).
    "core.caching.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SiteCSPMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # Before anything reads a form: a request that is not UTF-8 gets 400 and reaches no view.
    "core.middleware.RequestEncodingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_name",
                "core.caching.context_processors.cache_generation",
            ],
        },
    },
]

# The embedded default is a SQLite file in the checkout; production sets DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default as a real database for a few app processes: readers never wait for the
    # writer (write-ahead log), a writer waits its turn for up to SQLITE_TIMEOUT seconds instead of
    # failing with "database is locked", and every transaction takes the write lock as it begins,
    # so two cannot both read and then deadlock on upgrading to write. Options in DATABASE_URL win.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; a shared Redis when REDIS_URL is set (several app servers).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache that serves uncached, with a warning, while Redis is down.
            "BACKEND": "core.caching.backends.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "website"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    PAGE_CACHE_ALIAS = "default"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "website",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))},
        },
        # Whole pages go to files instead (docs/performance.md): shared by every worker of a server,
        # sized for every page of ten years of content (10,000 pages and their listing pages), and a
        # hit reads one file, no database. A process's local memory would hold a few hundred pages.
        # The folder must be writable by the site's user only: entries are pickles.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR") or str(BASE_DIR / "var" / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "30000")), "CULL_FREQUENCY": 10},
        },
    }
    PAGE_CACHE_ALIAS = "pages"

# Full-page cache for anonymous visitors (docs/performance.md); publishing bumps a site-wide generation.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # in our cache, invalidated on publish
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", "60"))  # s-maxage for a CDN in front
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "30"))  # stale-while-revalidate
# How often each thread reads the generation from the database: the bound on how long another
# server may go on serving a page that an editor has just changed.
PAGE_CACHE_GENERATION_SECONDS = float(os.environ.get("PAGE_CACHE_GENERATION_SECONDS", "1"))
# Functions next_change(now) of what changes by the clock; no page is kept past their next moment.
PAGE_CACHE_TIME_BOUNDARIES = [
    "core.models.notices.next_notice_change",
    "events.clock.next_state_change",
]
# Broadcasts (events/broadcasts.py): "Börjar om N minuter" this long before the start; a broadcast
# without an end time counts as live this long; the dashboard lists held broadcasts still without a
# recording or captions this many days after.
BROADCAST_SOON_MINUTES = int(os.environ.get("BROADCAST_SOON_MINUTES", "15"))
BROADCAST_DEFAULT_MINUTES = int(os.environ.get("BROADCAST_DEFAULT_MINUTES", "60"))
RECORDING_GRACE_DAYS = int(os.environ.get("RECORDING_GRACE_DAYS", "14"))
# The start page routes the addresses below it through this function ("": Wagtail's walk alone); the
# route memo finds a known page's address in one query instead of two per level (docs/performance.md).
PAGE_ROUTE_LOOKUP = "core.caching.routes.route"
# Paged documents whose later pages (`?p=2`) the page cache keeps like the first: the sitemap's sections.
PAGE_CACHE_PAGED_PATHS = ["/sitemap-"]
# Campaign parameters that newsletters and social media add to links: no page reads them, so they
# are dropped before routing and such a visit is served from the page cache (utm_* always).
PAGE_CACHE_IGNORED_PARAMS = env_list(
    "PAGE_CACHE_IGNORED_PARAMS",
    "fbclid,gclid,dclid,gbraid,wbraid,msclkid,mc_cid,mc_eid,_hsenc,_hsmi,mkt_tok,igshid,yclid,twclid,li_fat_id",
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# {% cache %} fragments and the route memo vary on the cache generation, so each process may keep its own.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
}
CACHES["axes"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "login_attempts"}


# Swedish first and without a prefix in addresses; English pages live under /en/ (docs/translation.md).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
FORMAT_MODULE_PATH = ["core.formats"]
# Our Swedish for strings that Wagtail and other packages leave in English, and our English for the
# site's own strings (written in Swedish in the code); read before theirs.
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Production normally serves media from object storage or the proxy; this is for small set-ups and tests.
SERVE_MEDIA = env_bool("SERVE_MEDIA")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with content hashes in their names, cached for a year by whitenoise.
    "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"},
    # Export files the worker writes for one editor (core/exports/): outside MEDIA_ROOT and without a URL,
    # served only through the admin's download view. Several servers need the folder shared.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("EXPORTS_DIR") or str(BASE_DIR / "var" / "exports"), "base_url": None},
    },
}
# An XLSX export of more rows than this is written by the worker while the editor waits on a page that
# offers the file when it is ready; fewer rows are written in the request. CSV is always streamed.
EXPORT_XLSX_DIRECT_ROWS = int(os.environ.get("EXPORT_XLSX_DIRECT_ROWS", "1000"))
# Export files (personal data, often) are removed this long after they were asked for.
EXPORT_KEEP_HOURS = int(os.environ.get("EXPORT_KEEP_HOURS", "24"))

# Complex pages can exceed Django's default number of fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Logs go to stdout; LOG_FORMAT=json gives one JSON object a line for a log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "plain"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Kommuner och regioner")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# No machine translation: wagtail-localize offers it only when WAGTAILLOCALIZE_MACHINE_TRANSLATOR names a
# service, and that would send our text to a third party. Outside translators get PO files instead.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would send a hash of every editor's e-mail address to a third party
# (and the admin's policy blocks it anyway); Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_login.LoginForm"
# Slugs in plain letters: "Årsmöte i Östra Göinge" gives arsmote-i-ostra-goinge, not percent-escapes in the address.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin's date pickers write and read ISO dates, as Swedish editors know them (2027-05-10 09:00);
# core/admin_dates.py names this format in the error for a date it cannot read.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Wagtail's database search; on PostgreSQL each page is stemmed in its own language ("digitaliseringen"
# finds "digitalisering", "municipalities" finds "municipality"), others in Swedish (core/search_backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "core.search_backend",
        "SEARCH_CONFIG": "swedish",
        "LANGUAGE_CONFIGS": {"sv": "swedish", "en": "english"},
    }
}
# Visitors' search terms are kept only as daily counts per term, for the promotions report, and
# purged after this many days (manage.py purge_search_terms; Wagtail's own clean-up agrees).
SEARCH_TERM_RETENTION_DAYS = int(os.environ.get("SEARCH_TERM_RETENTION_DAYS", "30"))
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_TERM_RETENTION_DAYS
# Documents include recorded video and audio with their WebVTT captions (knowledge media blocks).
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "vtt",
    "mp4",
    "webm",
    "mp3",
    "m4a",
    "ogg",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Feedback widget (see docs/feedback.md)
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))  # submissions per client and window
FEEDBACK_RATE_WINDOW = int(os.environ.get("FEEDBACK_RATE_WINDOW", "600"))  # seconds
FEEDBACK_COMMENT_WINDOW = int(os.environ.get("FEEDBACK_COMMENT_WINDOW", "3600"))  # seconds to add a comment
FEEDBACK_COMMENT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_COMMENT_RETENTION_DAYS", "365"))
# Page ownership (docs/ownership.md): a published page is due for review this many months later, unless its
# editor chose a date; owners hear of it this many days ahead in "Mina sidor" and the weekly digest.
PAGE_REVIEW_MONTHS = int(os.environ.get("PAGE_REVIEW_MONTHS", "12"))
PAGE_REVIEW_NOTICE_DAYS = int(os.environ.get("PAGE_REVIEW_NOTICE_DAYS", "30"))

# On-site registration (see docs/registrations.md)
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))  # after the event ends
REGISTRATION_LINK_MAX_AGE_DAYS = int(os.environ.get("REGISTRATION_LINK_MAX_AGE_DAYS", "180"))  # personal links
REGISTRATION_RATE_LIMIT = int(os.environ.get("REGISTRATION_RATE_LIMIT", "5"))  # sign-ups per client and window
REGISTRATION_RATE_WINDOW = int(os.environ.get("REGISTRATION_RATE_WINDOW", "600"))  # seconds

# Topic alerts, "Bevaka ämnet" (see docs/alerts.md)
ALERTS_RATE_LIMIT = int(os.environ.get("ALERTS_RATE_LIMIT", "5"))  # subscriptions per client and window
ALERTS_RATE_WINDOW = int(os.environ.get("ALERTS_RATE_WINDOW", "600"))  # seconds
ALERTS_CONFIRM_HOURS = int(os.environ.get("ALERTS_CONFIRM_HOURS", "48"))  # the confirmation link's life
ALERTS_UNCONFIRMED_DAYS = int(os.environ.get("ALERTS_UNCONFIRMED_DAYS", "3"))  # then unconfirmed ones are deleted
ALERTS_LINK_DAYS = int(os.environ.get("ALERTS_LINK_DAYS", "180"))  # manage and unsubscribe links in alerts
ALERTS_DIGEST_WEEKDAY = int(os.environ.get("ALERTS_DIGEST_WEEKDAY", "0"))  # 0 = Monday
ALERTS_DIGEST_HOUR = int(os.environ.get("ALERTS_DIGEST_HOUR", "7"))  # local time
