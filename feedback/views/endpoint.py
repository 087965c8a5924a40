"""The public endpoint behind the widget: the site's only write path open to anonymous visitors."""

from urllib.parse import urlencode, urlsplit

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from ..forms import MESSAGES, AnswerForm, CommentForm
from ..models import FeedbackResponse, new_token
from ..protection import feedback_rate_limit, is_same_origin

# Written in the answered page's language (the widget's own template translates them too).
THANKS = gettext_lazy("Tack för att du hjälper oss!")
THANKS_FOR_COMMENT = gettext_lazy("Tack för din kommentar!")
CROSS_ORIGIN = "Svaret måste skickas från en sida på den här webbplatsen."
TOO_MANY = "Du har skickat många svar på kort tid. Vänta en stund och försök igen."
PAGE_REFUSED = "Sidan finns inte eller tar inte emot svar."


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def feedback_page(page_id):
    """The live, public page with the widget switched on, or None if it may not receive answers."""
    page = Page.objects.live().filter(pk=page_id).select_related("content_type").first()
    if page is None:
        return None
    page = page.specific_deferred
    if not getattr(page, "feedback_enabled", False):
        return None
    if page.get_view_restrictions().exists():
        return None
    return page


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def same_site_referer(request):
    """The path of the page the visitor came from, if it is on this site."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
        parts = urlsplit(referer)
        return parts.path or "/"
    return None


def thanks_url(page_url, token):
    """The page again, with the thanks (and perhaps the comment form) for this answer."""
    return f"{page_url}?{urlencode({'tack': token})}#feedback"


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class FeedbackEndpointView(View):
    """Shared checks of both steps: same origin, rate limit and the form's rules.

    CSRF middleware is off for this view on purpose: see protection.py and docs/feedback.md.
    """

    http_method_names = ["post"]
    form_class = None

    def post(self, request):
        if not is_same_origin(request):
            return self.error(403, CROSS_ORIGIN, heading="Svaret kom från en annan webbplats")
        verdict = feedback_rate_limit().hit(request)
        if not verdict.allowed:
            response = self.error(429, TOO_MANY, heading="För många svar")
            response["Retry-After"] = str(verdict.retry_after)
            return response
        # Bodies that are not UTF-8, too large or malformed never get here (core.middleware).
        form = self.form_class(request.POST)
        if not form.is_valid():
            message = next(iter(form.errors.values()))[0]
            return self.error(400, message)
        return self.form_valid(form, is_spam=form.is_spam)

    def form_valid(self, form, is_spam):
        raise NotImplementedError

    def error(self, status, message, heading="Vi kunde inte ta emot ditt svar", back_url=None):
        """A small Swedish page with a way back, or {"error": ...} for the widget's script."""
        if wants_json(self.request):
            return JsonResponse({"error": message}, status=status)
        context = {
            "heading": heading,
            "message": message,
            "back_url": back_url or same_site_referer(self.request) or "/",
        }
        return render(self.request, "feedback/error.html", context, status=status)


class AnswerView(FeedbackEndpointView):
    """Stores a visitor's Ja or Nej and shows the thanks, and for Nej the comment form."""

    form_class = AnswerForm

    def form_valid(self, form, is_spam):
        page = feedback_page(form.cleaned_data["page"])
        page_url = page.get_url(self.request) if page else None
        if not page_url:  # also a page outside every site, which has no address to return to
            return self.error(400, PAGE_REFUSED)
        if is_spam:
            # Bots get the same answer as people, so the honeypot isn't revealed; nothing is stored.
            token = new_token()
        else:
            token = FeedbackResponse.objects.create(
                page=page, revision_id=page.live_revision_id, locale_id=page.locale_id, helpful=form.helpful
            ).token
        if wants_json(self.request):
            with translation.override(page.locale.language_code):
                return JsonResponse({"message": str(THANKS), "token": token, "comment": not form.helpful})
        return HttpResponseSeeOther(thanks_url(page_url, token))


class CommentView(FeedbackEndpointView):
    """Adds a comment to the visitor's own recent "Nej", found by its unguessable token; once only."""

    form_class = CommentForm

    def form_valid(self, form, is_spam):
        token = form.cleaned_data["token"]
        answer = FeedbackResponse.objects.filter(token=token).select_related("page").first()
        page_url = answer.page.get_url(self.request) if answer else None
        if is_spam:
            stored = True
        else:
            # One conditional UPDATE: two racing requests cannot both attach a comment.
            stored = FeedbackResponse.objects.commentable(token).update(comment=form.cleaned_data["kommentar"])
        if not stored:
            return self.error(400, MESSAGES["token"], back_url=page_url)
        if wants_json(self.request):
            return JsonResponse({"message": THANKS_FOR_COMMENT})
        return HttpResponseSeeOther(thanks_url(page_url or same_site_referer(self.request) or "/", token))
