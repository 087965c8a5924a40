"""The background worker: runs queued tasks and, in a thread beside them, the periodic jobs' scheduler."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.scheduler import Scheduler


class Command(BaseCommand):
    help = "Kör bakgrundsjobb (e-post, påminnelser, schemalagd publicering) tills den stoppas med Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-scheduler", action="store_false", dest="scheduler", help="Kör bara köade jobb, inte schemat."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Sekunder mellan tittar i kön (databaskön).")

    def handle(self, *args, scheduler=True, interval=1.0, **options):
        if scheduler:
            Scheduler().start()
        backend = settings.TASKS["background"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            # SimpleWorker runs each job in this process: forking beside the scheduler thread is not safe.
            worker_class = "rq.worker.SimpleWorker"
            options = ["--job-class", "django_tasks_rq.Job", "--worker-class", worker_class, "--with-scheduler"]
            call_command("rqworker", "default", *options)
        else:
            # The database queue's own worker; it stops after the running task on SIGINT or SIGTERM.
            options = ["--backend", "background", "--queue-name", "default", "--interval", str(interval)]
            call_command("db_worker", *options, "--no-startup-delay", "--no-reload")
