"""Background work: the task queue, the periodic jobs the worker schedules, and e-mail, which leaves
only through the queue. Imported by base.py."""

import os

from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool

# Background work (docs/tasks.md): e-mail, reminders and the periodic jobs run on a queue, never in a
# visitor's request. The queue is a table in the database unless TASKS_QUEUE=rq, which puts it on
# REDIS_URL for several worker servers. Wagtail's own tasks (search and reference index) keep the
# "default" backend and run at once, as they always have.
TASKS_QUEUE = os.environ.get("TASKS_QUEUE", "database")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
if TASKS_QUEUE == "rq":
    if not os.environ.get("REDIS_URL"):
        raise ImproperlyConfigured("TASKS_QUEUE=rq needs REDIS_URL.")
    TASKS["background"] = {"BACKEND": "django_tasks_rq.RQBackend"}
    RQ_QUEUES = {"default": {"URL": os.environ["REDIS_URL"]}}
elif TASKS_QUEUE != "database":
    raise ImproperlyConfigured(f"TASKS_QUEUE must be 'database' or 'rq', not {TASKS_QUEUE!r}.")
# Periodic jobs that the worker's scheduler enqueues (core/scheduler.py): name, seconds between runs,
# and a management command or a dotted function to call. No cron line is needed.
PERIODIC_JOBS = [
    ("publish_scheduled", int(os.environ.get("PUBLISH_SCHEDULED_SECONDS", "60")), "command:publish_scheduled"),
    ("send_due_emails", int(os.environ.get("SEND_DUE_EMAILS_SECONDS", "60")), "registrations.outbox.send_due"),
    ("queue_reminders", 60, "registrations.reminders.queue_due_reminders"),
    ("send_alert_emails", int(os.environ.get("SEND_DUE_EMAILS_SECONDS", "60")), "alerts.outbox.send_due"),
    ("send_immediate_alerts", 60, "alerts.sending.send_immediate_alerts"),
    ("send_weekly_digests", 3600, "alerts.sending.send_weekly_digests"),
    ("purge_unconfirmed_alerts", 24 * 3600, "alerts.services.purge_unconfirmed"),
    # Adds each finished day to the feedback reports' summary (feedback/summary.py); hourly, so a day is in
    # within an hour of midnight, and until then the reports read its answers themselves.
    ("summarize_feedback", 3600, "feedback.summary.summarize"),
    ("purge_feedback_comments", 24 * 3600, "command:purge_feedback_comments"),
    ("purge_registrations", 24 * 3600, "command:purge_registrations"),
    ("purge_search_terms", 24 * 3600, "command:purge_search_terms"),
    ("clearsessions", 24 * 3600, "command:clearsessions"),
    ("purge_exports", 3600, "core.exports.files.purge_expired"),
    ("owner_digests", 7 * 24 * 3600, "editorial.digest.send_owner_digests"),
]
if TASKS_QUEUE == "database":
    # The database queue keeps each task's result; finished ones go after 14 days (RQ expires its own).
    PERIODIC_JOBS.append(("prune_task_results", 24 * 3600, "command:prune_db_task_results --backend background"))
# Seconds the scheduler sleeps between looking for due jobs.
SCHEDULER_TICK_SECONDS = float(os.environ.get("SCHEDULER_TICK_SECONDS", "5"))
# Apps the chosen queue needs; base.py adds them to INSTALLED_APPS.
BACKGROUND_APPS = ["django_rq"] if TASKS_QUEUE == "rq" else []

# Nothing is sent in a request: every message goes to the task queue (core/mail.py), and the worker
# sends it with EMAIL_DELIVERY_BACKEND, which the environment's EMAIL_BACKEND chooses.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Registration e-mail that fails is tried again after 1, 2, 4, ... minutes, at most EMAIL_RETRY_MAX_SECONDS
# apart, and marked as failed for the editors after EMAIL_MAX_ATTEMPTS tries (about a day with the defaults).
EMAIL_RETRY_BASE_SECONDS = int(os.environ.get("EMAIL_RETRY_BASE_SECONDS", "60"))
EMAIL_RETRY_MAX_SECONDS = int(os.environ.get("EMAIL_RETRY_MAX_SECONDS", str(6 * 3600)))
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "12"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webbplatsen@example.se")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
