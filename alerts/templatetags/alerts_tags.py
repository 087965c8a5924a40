"""{% follow_topics page.topic_list %} or {% follow_topics topic %}: the "Bevaka ämnet" form on a page."""

from django import template

from core.models import FooterSettings, Topic

register = template.Library()


@register.inclusion_tag("alerts/follow_form.html", takes_context=True)
def follow_topics(context, topics):
    """The form for a page's topics (all ticked); the same for every visitor, so the page stays cacheable."""
    if isinstance(topics, Topic):
        topics = [topics]
    topics = list(topics or [])
    privacy_url = ""
    request = context.get("request")
    if request is not None and topics:
        page = FooterSettings.for_request(request).privacy_page
        privacy_url = page.get_url(request) if page and page.live else ""
    subjects = in_words([topic.name.lower() for topic in topics])
    return {"topics": topics, "subjects": subjects, "privacy_url": privacy_url}


def in_words(names):
    """ "a", "a eller b", "a, b eller c"."""
    return " eller ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
