"""The public alert pages: the form's endpoint, and the pages behind the signed links in e-mail.

All are never cached. None uses a CSRF token: the form is on cached pages (the same-origin check of
core/origins.py stands in, as for feedback), and the link pages are authorised by the signed token in
their address, which an attacker on another site cannot know; mail programs POST the one-click
unsubscribe (RFC 8058) without any cookie or token at all.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.models import FooterSettings, Topic, localized_topics
from core.origins import is_same_origin
from core.rate_limits import RateLimit

from . import services
from .forms import ManageForm, SubscribeForm
from .links import LinkError, read_confirm_token, read_manage_token
from .models import Subscription

# The pages speak the language of their address (/bevaka/ or /en/bevaka/, docs/translation.md).
CROSS_ORIGIN = _("Formuläret måste skickas från en sida på den här webbplatsen.")
TOO_MANY = _("Du har skickat formuläret många gånger på kort tid. Vänta en stund och försök igen.")
GONE = _("Bevakningen finns inte längre. Du kan anmäla en ny bevakning på ett ämnes sida.")
# The same answer whether the address was new, known, or a bot filled in the honeypot.
CHECK_EMAIL = _(
    "Vi har skickat ett e-postmeddelande till {email} med en länk för att bekräfta bevakningen. "
    "Du får inga andra meddelanden förrän du har följt länken. Syns det inte, titta bland skräpposten."
)
LINK_BROKEN = _("Länken fungerar inte")
NO_SUBSCRIPTION = _("Bevakningen finns inte")


def alerts_rate_limit():
    """ALERTS_RATE_LIMIT submissions per client in any ALERTS_RATE_WINDOW seconds."""
    return RateLimit("alerts", settings.ALERTS_RATE_LIMIT, settings.ALERTS_RATE_WINDOW)


def privacy_page_url(request):
    page = FooterSettings.for_request(request).privacy_page
    return page.get_url(request) if page and page.live else ""


def message(request, heading, text, status=200):
    return render(request, "alerts/message.html", {"heading": heading, "message": text}, status=status)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class SubscribeView(View):
    """The "Bevaka ämnet" form for every topic (GET) and the endpoint of the form on pages (POST)."""

    template_name = "alerts/subscribe.html"

    def get(self, request):
        chosen = [topic.pk for topic in Topic.objects.sources().filter(slug=request.GET.get("amne", "")[:100])]
        return self.render(SubscribeForm(initial={"amnen": chosen}))

    def post(self, request):
        if not is_same_origin(request):
            return message(request, _("Formuläret kom från en annan webbplats"), CROSS_ORIGIN, status=403)
        verdict = alerts_rate_limit().hit(request)
        form = SubscribeForm(request.POST)
        if not verdict.allowed:
            response = self.render(form, error=TOO_MANY, status=429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
        if not form.is_valid():
            return self.render(form, status=400)
        email = form.cleaned_data["epost"]
        if not form.is_spam:
            services.subscribe(
                email, form.cleaned_data["amnen"], form.cleaned_data["frekvens"], translation.get_language()
            )
        return self.render(None, answer=str(CHECK_EMAIL).format(email=email))

    def render(self, form, answer="", error="", status=200):
        context = {"form": form, "answer": answer, "error": error, "privacy_url": privacy_page_url(self.request)}
        return render(self.request, self.template_name, context, status=status)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ConfirmView(View):
    """Behind the link in the confirmation: a button confirms (mail scanners that open links do not)."""

    template_name = "alerts/confirm.html"

    def dispatch(self, request, token):
        try:
            self.public_id, self.topic_ids, self.frequency = read_confirm_token(token)
        except LinkError as error:
            return message(request, LINK_BROKEN, str(error), status=400)
        self.subscription = Subscription.objects.filter(public_id=self.public_id).first()
        if self.subscription is None:
            return message(request, NO_SUBSCRIPTION, GONE, status=404)
        return super().dispatch(request, token)

    def get(self, request, token):
        topics = localized_topics(Topic.objects.filter(pk__in=self.topic_ids).order_by("name"))
        frequency = dict(SubscribeForm.base_fields["frekvens"].choices).get(self.frequency, "")
        return render(request, self.template_name, {"topics": topics, "frequency": frequency})

    def post(self, request, token):
        language = translation.get_language()
        subscription = services.confirm(self.public_id, self.topic_ids, self.frequency, language)
        if subscription is None:
            return message(request, NO_SUBSCRIPTION, GONE, status=404)
        return render(request, "alerts/confirmed.html", {"subscription": subscription})


class SignedSubscriptionView(View):
    """Finds the subscription named by a manage or unsubscribe link."""

    def dispatch(self, request, token):
        try:
            public_id = read_manage_token(token)
        except LinkError as error:
            return message(request, LINK_BROKEN, str(error), status=400)
        self.subscription = Subscription.objects.confirmed().filter(public_id=public_id).first()
        return super().dispatch(request, token)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ManageView(SignedSubscriptionView):
    """Change the topics or frequency, or leave, from the link in every alert."""

    template_name = "alerts/manage.html"

    def get(self, request, token):
        if self.subscription is None:
            return message(request, NO_SUBSCRIPTION, GONE, status=404)
        subscription = self.subscription
        initial = {"amnen": list(subscription.topics.values_list("pk", flat=True)), "frekvens": subscription.frequency}
        return self.render(ManageForm(initial=initial))

    def post(self, request, token):
        if self.subscription is None:
            return message(request, NO_SUBSCRIPTION, GONE, status=404)
        if "avsluta" in request.POST:
            services.unsubscribe(self.subscription)
            return render(request, "alerts/unsubscribed.html")
        form = ManageForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        services.change(self.subscription, form.cleaned_data["amnen"], form.cleaned_data["frekvens"])
        return self.render(form, notice=_("Dina ändringar är sparade."))

    def render(self, form, notice="", status=200):
        context = {"form": form, "notice": notice, "email": self.subscription.email}
        return render(self.request, self.template_name, context, status=status)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(SignedSubscriptionView):
    """One-click unsubscribe: a mail program's POST (RFC 8058) or the button on this page deletes the
    address; opening the link (GET) only asks, since mail scanners open links."""

    def get(self, request, token):
        return render(request, "alerts/unsubscribe.html", {"known": self.subscription is not None})

    def post(self, request, token):
        if self.subscription is not None:
            services.unsubscribe(self.subscription)
        # Already gone is the same outcome: no more e-mail to the address.
        return render(request, "alerts/unsubscribed.html")
