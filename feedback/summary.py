"""The feedback answers summed per page, language and day, so the reports read a row per page and day,
or a row per page for all time, instead of every answer ever given.

`summarize` runs as a periodic job (settings.PERIODIC_JOBS, "summarize_feedback"): it adds each finished
day (Swedish time) to FeedbackDay and writes the totals of the pages that got new days in FeedbackTotal,
then moves FeedbackSummaryState.through on, all in one transaction. What changes an answer already
summed (a triage to or from spam, a deleted answer) writes its page's day again with `refresh_day`; a
deleted page takes its rows with it. The reports add the answers after `through` (today's at least)
from the answers themselves, so they are always up to date.
"""

import datetime as dt

from django.db import connection, transaction
from django.db.models import Count, DateTimeField, Max, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Page

from .models import FeedbackDay, FeedbackResponse, FeedbackSummaryState, FeedbackTotal

ONE_DAY = dt.timedelta(days=1)
DAY_COLUMNS = ("page_id", "locale_id", "day", "yes_count", "no_count", "latest_at")
TOTAL_COLUMNS = ("page_id", "locale_id", "yes_count", "no_count", "latest_at")


def start_of_day(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def daily_counts(answers):
    """Rows (page, locale, day, Ja, Nej, newest answer) of these answers, spam left out."""
    return (
        answers.counted()
        .order_by()
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("page", "locale", "day")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .annotate(latest=Max("created_at"))
    )


def insert_rows(model, columns, grouped):
    """Stores the rows of a grouped queryset (its columns in the order of `columns`) with one
    INSERT … SELECT: a first summary of a million answers is summed in the database, not in Python."""
    sql, params = grouped.query.sql_with_params()
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({names}) {sql}", params)


def refresh_totals(pages):
    """Writes the totals of these pages (ids, or a queryset of them) anew from their days."""
    FeedbackTotal.objects.filter(page__in=pages).delete()
    days = FeedbackDay.objects.filter(page__in=pages).order_by().values("page", "locale")
    insert_rows(
        FeedbackTotal,
        TOTAL_COLUMNS,
        days.annotate(yes=Sum("yes_count"), no=Sum("no_count"), latest=Max("latest_at")),
    )


def locked_state():
    """The summary's state row, locked until the transaction ends: one writer of the summary at a time."""
    FeedbackSummaryState.objects.get_or_create(pk=1)
    return FeedbackSummaryState.objects.select_for_update().get(pk=1)


@transaction.atomic
def summarize(today=None):
    """Adds the days before `today` that the summary does not hold yet; True if it added any."""
    today = today or timezone.localdate()
    state = locked_state()
    if state.through is not None and state.through >= today - ONE_DAY:
        return False
    if state.through is None:
        # A first run (or one after `rebuild`) sums every answer from scratch.
        FeedbackDay.objects.all().delete()
        FeedbackTotal.objects.all().delete()
        answers, new_days = FeedbackResponse.objects.all(), FeedbackDay.objects.all()
    else:
        answers = FeedbackResponse.objects.filter(created_at__gte=start_of_day(state.through + ONE_DAY))
        new_days = FeedbackDay.objects.filter(day__gt=state.through)
    # Stored day by day, as later runs add them: a period's rows then lie together on disk.
    days = daily_counts(answers.filter(created_at__lt=start_of_day(today))).order_by("day")
    insert_rows(FeedbackDay, DAY_COLUMNS, days)
    refresh_totals(new_days.values("page"))
    state.through = today - ONE_DAY
    state.save(update_fields=["through"])
    return True


@transaction.atomic
def rebuild(today=None):
    """Sums every answer again: after answers were added with earlier dates (the demo, `grow_site`)."""
    state = locked_state()
    state.through = None
    state.save(update_fields=["through"])
    return summarize(today)


@transaction.atomic
def refresh_day(page_id, day):
    """Writes one page's day again after one of its answers was triaged or deleted, if it is summed."""
    state = locked_state()
    if state.through is None or day > state.through:
        return
    FeedbackDay.objects.filter(page_id=page_id, day=day).delete()
    answers = FeedbackResponse.objects.filter(page_id=page_id).between(start_of_day(day), start_of_day(day + ONE_DAY))
    insert_rows(FeedbackDay, DAY_COLUMNS, daily_counts(answers))
    refresh_totals([page_id])


def answer_day(answer):
    """The day (Swedish time) an answer counts on."""
    return timezone.localdate(answer.created_at)


def summarized_through():
    return FeedbackSummaryState.objects.filter(pk=1).values_list("through", flat=True).first()


# The orderings a report may ask for, with the SQL each sorts by; ties go by title, then page.
ORDERINGS = {
    "page": "t.page",
    "title": "p.title",
    "yes_count": "t.yes_count",
    "no_count": "t.no_count",
    "total_count": "t.total_count",
    "yes_share": "t.yes_share",
    "latest_response_at": "t.latest_response_at",
}


class PageTotals:
    """The pages with counted answers in [start, end) (midnights, Swedish time; either end open), in `locale`
    (all languages when None), with at least `min_answers`: each page's Ja, Nej, all, share of Ja (in
    percent) and newest answer, summed from the daily summary and the answers it does not hold yet (today's
    at least), grouped, sorted and paginated in the database.

    Django's paginator reads it as it reads a queryset: `count()` and a slice, each one query (or one for
    both after `prefetch`) that reads only the rows it returns, so a report of 10,000 pages builds the 50
    rows it shows in Python, not 10,000.
    """

    ordered = True

    def __init__(self, start=None, end=None, locale=None, min_answers=1, ordering=("-no_count",)):
        self.start, self.end, self.locale, self.min_answers = start, end, locale, min_answers
        self.ordering = tuple(field for field in ordering if field.lstrip("-") in ORDERINGS)
        self._through = None
        self._count = None
        self._window = None  # (offset, limit, rows) read by `prefetch`

    def order_by(self, *ordering):
        return PageTotals(self.start, self.end, self.locale, self.min_answers, ordering)

    def _arms(self, through):
        """The summary's rows and the later answers grouped by page: (page, yes_count, no_count, latest_at)."""
        arms = []
        columns = ("page", "yes_count", "no_count", "latest_at")
        if through is not None:
            if self.start is None and self.end is None:
                rows = FeedbackTotal.objects.all()
            else:
                rows = FeedbackDay.objects.filter(day__lte=through)
                if self.start is not None:
                    rows = rows.filter(day__gte=timezone.localdate(self.start))
                if self.end is not None:
                    rows = rows.filter(day__lt=timezone.localdate(self.end))
            if self.locale is not None:
                rows = rows.filter(locale=self.locale)
            arms.append(rows.order_by().values(*columns))
        live_from = start_of_day(through + ONE_DAY) if through is not None else None
        if live_from is not None and self.start is not None:
            live_from = max(live_from, self.start)
        elif live_from is None:
            live_from = self.start
        if self.end is None or live_from is None or live_from < self.end:
            answers = FeedbackResponse.objects.counted().between(live_from, self.end).in_locale(self.locale)
            # Counting the page column (never empty), not the id: the counts then come from the index of
            # times, pages, answers and states alone.
            arms.append(
                answers.order_by()
                .values("page")
                .annotate(
                    yes_count=Count("page", filter=Q(helpful=True)),
                    no_count=Count("page", filter=~Q(helpful=True)),
                    latest_at=Max("created_at"),
                )
                .values(*columns)
            )
        return arms

    def _grouped(self, through):
        """SQL and parameters of a row per page: the arms' rows summed over one UNION ALL."""
        parts = [arm.query.sql_with_params() for arm in self._arms(through)]
        if not parts:
            return None, []
        union = " UNION ALL ".join(sql for sql, _params in parts)
        sql = (
            "SELECT page, SUM(yes_count) AS yes_count, SUM(no_count) AS no_count,"
            " SUM(yes_count) + SUM(no_count) AS total_count,"
            " SUM(yes_count) * 100.0 / NULLIF(SUM(yes_count) + SUM(no_count), 0) AS yes_share,"
            f" MAX(latest_at) AS latest_response_at FROM ({union}) AS answered GROUP BY page"
        )
        return sql, [param for _sql, part in parts for param in part]

    def _read(self, query):
        """Runs `query(grouped SQL, params)` and returns its rows, read again if a run of `summarize` came in
        between reading the summary's day and the rows (they change together in one transaction)."""
        for _attempt in range(3):
            through = self._through if self._through is not None else summarized_through()
            sql, params = self._grouped(through)
            rows = [] if sql is None else query(sql, params)
            self._through = summarized_through()
            if self._through == through:
                break
        return rows

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self):
        if self._count is None:
            self._count = self._read(
                lambda sql, params: self._fetch(
                    f"SELECT COUNT(*) FROM ({sql}) AS t WHERE t.total_count >= %s", [*params, self.min_answers]
                )
            )
            self._count = self._count[0][0] if self._count else 0
        return self._count

    def __len__(self):
        return self.count()

    def _rows(self, limit=None, offset=0, with_count=False):
        order = []
        for field in (*self.ordering, "title", "page"):
            direction = " DESC" if field.startswith("-") else ""
            order.append(ORDERINGS[field.lstrip("-")] + direction)
        page = connection.ops.quote_name(Page._meta.db_table)
        window = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        # The number of all rows, counted by the same query (before the LIMIT), if asked for.
        count = ", COUNT(*) OVER ()" if with_count else ""

        def query(sql, params):
            return self._fetch(
                "SELECT t.page, p.title, p.url_path, t.yes_count, t.no_count, t.total_count, t.yes_share,"
                f" t.latest_response_at{count} FROM ({sql}) AS t INNER JOIN {page} AS p ON p.id = t.page"
                f" WHERE t.total_count >= %s ORDER BY {', '.join(order)}{window}",
                [*params, self.min_answers],
            )

        rows = self._read(query)
        if with_count:
            if rows:
                self._count = rows[0][-1]
            rows = [row[:-1] for row in rows]
        return [PageTotal(*row) for row in rows]

    def prefetch(self, offset, limit):
        """Reads the rows [offset, offset + limit) and the count in one query, for the paginator's count()
        and slice that follow; a page past the end reads nothing, and the count is then read on its own."""
        self._window = (offset, limit, self._rows(limit, offset, with_count=True))

    def __getitem__(self, index):
        if isinstance(index, slice):
            if index.step not in (None, 1) or (index.start or 0) < 0 or (index.stop is not None and index.stop < 0):
                raise ValueError("PageTotals takes a plain slice")
            start = index.start or 0
            if self._window is not None and index.stop is not None:
                offset, limit, rows = self._window
                if offset <= start and (index.stop <= offset + limit or len(rows) < limit) and rows:
                    return rows[start - offset : index.stop - offset]
            if index.stop is None:
                return self._rows()[start:]
            return self._rows(max(index.stop - start, 0), start)
        return self[index : index + 1][0]

    def __iter__(self):
        return iter(self._rows())


def as_datetime(value):
    """A timestamp as the database cursor gives it (SQLite gives text in UTC), as an aware datetime."""
    value = DateTimeField().to_python(value)
    return timezone.make_aware(value, dt.UTC) if value is not None and timezone.is_naive(value) else value


class PageTotal:
    """One page's row of the report, with `pk` for links and permissions."""

    def __init__(self, page, title, url_path, yes_count, no_count, total_count, yes_share, latest_response_at):
        self.pk = self.page = page
        self.title, self.url_path = title, url_path
        # Sums of counts are decimals in PostgreSQL.
        self.yes_count, self.no_count, self.total_count = int(yes_count), int(no_count), int(total_count)
        self.yes_share = float(yes_share) if yes_share is not None else None
        self.latest_response_at = as_datetime(latest_response_at)
