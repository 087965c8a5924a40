"""The feedback widget as a template tag, so any page template can end with it."""

from django import template

from ..forms import TOKEN_PATTERN
from ..models import COMMENT_MAX_LENGTH, FeedbackResponse
from ..views.endpoint import THANKS, THANKS_FOR_COMMENT

register = template.Library()


@register.inclusion_tag("feedback/widget.html", takes_context=True)
def feedback_widget(context, page):
    """The question, or after an answer (?tack=<token>) the thanks and perhaps the comment form.

    Only the ?tack= variant touches the database; the plain page stays the same for every visitor,
    so it can be cached.
    """
    request = context.get("request")
    token = request.GET.get("tack", "") if request else ""
    answered = bool(TOKEN_PATTERN.match(token))
    can_comment = commented = False
    if answered:
        response = FeedbackResponse.objects.filter(token=token, page_id=page.pk).only("comment", "helpful").first()
        commented = bool(response and response.comment)
        can_comment = FeedbackResponse.objects.commentable(token).filter(page_id=page.pk).exists()
    return {
        "page": page,
        "answered": answered,
        "token": token if can_comment else "",
        "can_comment": can_comment,
        "commented": commented,
        "thanks": THANKS,
        "thanks_for_comment": THANKS_FOR_COMMENT,
        "comment_max_length": COMMENT_MAX_LENGTH,
    }
