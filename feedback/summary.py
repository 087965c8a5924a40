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
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

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


def _summed(start, end, locale, pages, latest, through):
    """{page: [Ja, Nej, newest]} from the summary for the days of [start, end) up to `through`."""
    if start is None and end is None:
        rows = FeedbackTotal.objects.all()
    else:
        rows = FeedbackDay.objects.filter(day__lte=through)
        if start is not None:
            rows = rows.filter(day__gte=timezone.localdate(start))
        if end is not None:
            rows = rows.filter(day__lt=timezone.localdate(end))
    if locale is not None:
        rows = rows.filter(locale=locale)
    if pages is not None:
        rows = rows.filter(page__in=pages)
    rows = rows.order_by().values("page").annotate(yes=Sum("yes_count"), no=Sum("no_count"))
    if latest:
        rows = rows.annotate(latest=Max("latest_at")).values_list("page", "yes", "no", "latest")
        return {page: [yes, no, newest] for page, yes, no, newest in rows}
    return {page: [yes, no, None] for page, yes, no in rows.values_list("page", "yes", "no")}


def _live(start, end, locale, pages, latest):
    """The same from the answers themselves, for the time after the summary."""
    rows = FeedbackResponse.objects.counted().between(start, end).in_locale(locale).order_by()
    if pages is not None:
        rows = rows.filter(page__in=pages)
    # Counting the page column (never empty), not the id: the counts then come from the index of times,
    # pages, answers and states alone.
    rows = rows.values("page").annotate(
        yes=Count("page", filter=Q(helpful=True)), no=Count("page", filter=~Q(helpful=True))
    )
    if latest:
        rows = rows.annotate(latest=Max("created_at"))
    return rows


def page_totals(start=None, end=None, locale=None, pages=None, latest=True):
    """Per page with counted answers in [start, end) (midnights, Swedish time; either end open), in
    `locale` (all languages when None) and among `pages` (ids; all when None): a dict of page,
    yes_count, no_count, total_count, yes_share (in percent) and, if `latest`, latest_response_at (its
    timestamps are a good part of the time for 10,000 pages). Three or four queries, whatever the
    number of answers."""
    for _attempt in range(3):
        through = summarized_through()
        totals = _summed(start, end, locale, pages, latest, through) if through is not None else {}
        # The totals are as new as `through` was when they were read, unless a run of `summarize` came
        # in between (they change together in one transaction): then read them again.
        if through is None or summarized_through() == through:
            break
    live_from = start_of_day(through + ONE_DAY) if through is not None else None
    if live_from is not None and start is not None:
        live_from = max(live_from, start)
    elif live_from is None:
        live_from = start
    if end is None or live_from is None or live_from < end:
        for row in _live(live_from, end, locale, pages, latest):
            counts = totals.setdefault(row["page"], [0, 0, None])
            counts[0] += row["yes"]
            counts[1] += row["no"]
            if latest:
                counts[2] = max(filter(None, (counts[2], row["latest"])))
    rows = []
    for page, (yes, no, newest) in totals.items():
        total = yes + no
        if total:
            rows.append(
                {
                    "page": page,
                    "yes_count": yes,
                    "no_count": no,
                    "total_count": total,
                    "yes_share": yes * 100 / total,
                    "latest_response_at": newest,
                }
            )
    return rows
