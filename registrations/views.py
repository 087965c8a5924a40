"""The visitor's sign-up form and personal registration page; both are never cached and use CSRF tokens."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from core.models import FooterSettings
from core.rate_limits import RateLimit
from events.formatting import when

from . import outbox, services
from .event_pages import onsite_event
from .forms import RegistrationForm
from .links import LinkError, read_token
from .models import Registration, Status
from .services import Outcome

TOO_MANY = gettext_lazy("Du har skickat många anmälningar på kort tid. Vänta en stund och försök igen.")
GONE = gettext_lazy("Anmälan finns inte längre. Anmälningar tas bort en tid efter att evenemanget har ägt rum.")

HEADINGS = {
    Outcome.CONFIRMED: gettext_lazy("Du är anmäld"),
    Outcome.WAITLISTED: gettext_lazy("Du står på reservlistan"),
    Outcome.FULL: gettext_lazy("Evenemanget är fullbokat"),
    Outcome.NOT_OPEN: gettext_lazy("Anmälan har inte öppnat"),
    Outcome.CLOSED: gettext_lazy("Anmälan är stängd"),
}


def registration_rate_limit():
    """REGISTRATION_RATE_LIMIT sign-ups per client in any REGISTRATION_RATE_WINDOW seconds, counted apart."""
    return RateLimit("registrations", settings.REGISTRATION_RATE_LIMIT, settings.REGISTRATION_RATE_WINDOW)


def outcome_text(outcome, event, email="", position=None):
    """What the visitor reads after signing up, in the event's language."""
    if outcome == Outcome.CONFIRMED:
        return _(
            "Välkommen! Vi skickar en bekräftelse med en kalenderinbjudan till {email}. Var du redan "
            "anmäld får du i stället ett e-postmeddelande om det, med länken för att se eller avboka anmälan."
        ).format(email=email)
    if outcome == Outcome.WAITLISTED:
        return _(
            "Evenemanget är fullbokat. Du är nummer {position} på reservlistan. Vi skickar ett "
            "e-postmeddelande till {email} och hör av oss igen om en plats blir ledig. Var du redan anmäld "
            "får du i stället ett e-postmeddelande om det."
        ).format(position=position, email=email)
    if outcome == Outcome.FULL:
        return _("Alla platser är tagna och det finns ingen reservlista. Din anmälan har inte sparats.")
    if outcome == Outcome.NOT_OPEN:
        return _("Anmälan öppnar {moment}.").format(moment=when(event.registration_opens, None))
    return event.registration_message or _("Det går inte längre att anmäla sig till det här evenemanget.")


def privacy_page_url(request):
    footer = FooterSettings.for_request(request)
    page = footer.privacy_page
    return page.get_url(request) if page and page.live else ""


@method_decorator(never_cache, name="dispatch")
class SignupView(View):
    """The form for one event with on-site registration, and the answer after sending it."""

    template_name = "registrations/signup.html"

    def dispatch(self, request, event_id):
        self.event = onsite_event(event_id)
        if self.event is None:
            raise Http404("Evenemanget tar inte emot anmälningar här.")
        # The form speaks the event page's language: an English event gets an English form.
        with translation.override(self.event.locale.language_code):
            response = super().dispatch(request, event_id)
            if hasattr(response, "render"):
                response.render()
            return response

    def get(self, request, event_id):
        refused = services.state_outcome(self.event)
        form = None if refused else RegistrationForm(event=self.event)
        return self.render(form, outcome=refused)

    def post(self, request, event_id):
        refused = services.state_outcome(self.event)
        if refused:
            return self.render(None, outcome=refused, status=400)
        verdict = registration_rate_limit().hit(request)
        if not verdict.allowed:
            response = self.render(RegistrationForm(request.POST, event=self.event), error=TOO_MANY, status=429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
        form = RegistrationForm(request.POST, event=self.event)
        if not form.is_valid():
            return self.render(form, status=400)
        answers = form.answers()
        if form.is_spam:
            # Bots get the answer people get, so the honeypot isn't revealed; nothing is stored or sent.
            return self.render(None, outcome=Outcome.CONFIRMED, email=answers["email"])
        result = services.register(self.event, **answers)
        # The e-mail goes to the queue: a slow or broken mail server never holds up the answer.
        outbox.dispatch(result.emails)
        return self.render(None, outcome=result.outcome, email=answers["email"], position=result.position)

    def render(self, form, outcome=None, error="", status=200, email="", position=None):
        event = self.event
        context = {
            "event": event,
            "form": form,
            "error": error,
            "outcome": outcome.value if outcome else "",
            "heading": HEADINGS[outcome] if outcome else "",
            "message": outcome_text(outcome, event, email, position) if outcome else "",
            "seats_left": services.seats_left(event),
            "privacy_url": privacy_page_url(self.request),
        }
        return render(self.request, self.template_name, context, status=status)


@method_decorator(never_cache, name="dispatch")
class ManageView(View):
    """The personal page behind the signed link in the e-mail: see the registration, or cancel it."""

    template_name = "registrations/manage.html"

    def dispatch(self, request, token):
        try:
            public_id = read_token(token)
        except LinkError as error:
            return self.message(_("Länken fungerar inte"), str(error), status=400)
        self.registration = (
            Registration.objects.filter(public_id=public_id).select_related("event").prefetch_related("parts").first()
        )
        if self.registration is None:
            return self.message(_("Anmälan finns inte"), GONE, status=404)
        self.event = self.registration.event.specific
        # The page speaks the event page's language, as the e-mail with its link did.
        with translation.override(self.event.locale.language_code):
            response = super().dispatch(request, token)
            if hasattr(response, "render"):
                response.render()
            return response

    def get(self, request, token):
        return self.render()

    def post(self, request, token):
        if self.event.is_past:
            return self.render(error=_("Evenemanget har redan ägt rum och anmälan kan inte avbokas."), status=400)
        promoted = services.cancel(self.registration, self.event)
        if promoted is None:
            return self.render(error=_("Anmälan är redan avbokad."), status=400)
        services.send_queued([self.registration, *promoted])
        return self.render(notice=_("Din anmälan är avbokad. Vi skickar en bekräftelse till din e-post."))

    def render(self, notice="", error="", status=200):
        registration = self.registration
        context = {
            "event": self.event,
            "registration": registration,
            "can_cancel": registration.status != Status.CANCELLED and not self.event.is_past,
            "notice": notice,
            "error": error,
        }
        return render(self.request, self.template_name, context, status=status)

    def message(self, heading, text, status):
        return render(self.request, "registrations/message.html", {"heading": heading, "message": text}, status=status)
