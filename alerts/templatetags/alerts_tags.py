"""{% follow_topics page.topic_list %} or {% follow_topics topic %}: the "Bevaka ämnet" form on a page."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from core.models import FooterSettings, LocalizedTopic, Topic, localized_topics

register = template.Library()


@register.inclusion_tag("alerts/follow_form.html", takes_context=True)
def follow_topics(context, topics):
    """The form for a page's topics (all ticked); the same for every visitor, so the page stays cacheable."""
    if isinstance(topics, Topic | LocalizedTopic):
        topics = [topics]
    topics = list(topics or [])
    # A page's topics come named in its language already; plain topics are named here.
    if any(isinstance(topic, Topic) for topic in topics):
        topics = localized_topics(topics)
    subjects = in_words([topic.name.lower() for topic in topics])
    return {
        "topics": topics,
        "subjects": subjects,
        # For the privacy link, a fragment cached like the footer it comes from.
        "request": context.get("request"),
        "CACHE_GENERATION": context.get("CACHE_GENERATION"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.simple_tag(takes_context=True)
def privacy_link(context):
    """A link to the privacy page named in the footer settings, or nothing."""
    request = context.get("request")
    page = FooterSettings.for_request(request).privacy_page if request is not None else None
    if not page or not page.live:
        return ""
    return format_html('<a href="{}">{}</a>.', page.get_url(request), gettext("Så behandlar vi din e-postadress"))


def in_words(names):
    """ "a", "a eller b", "a, b eller c"."""
    if len(names) < 2:
        return "".join(names)
    conjunction = gettext("eller")
    return f" {conjunction} ".join([", ".join(names[:-1]), names[-1]])
