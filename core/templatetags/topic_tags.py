"""{{ topics|topic_names:LANGUAGE_CODE }}: a page's topics as a comma-separated list, each name not in
the page's language (a topic without a translation yet) marked with its own `lang`."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.filter
def topic_names(topics, language):
    """LocalizedTopics joined by ", ", with lang="sv" on a Swedish name on an English page."""
    return format_html_join(
        ", ",
        "{}",
        (
            (
                format_html('<span lang="{}">{}</span>', topic.lang, topic.name)
                if topic.lang != language
                else topic.name,
            )
            for topic in topics
        ),
    )
