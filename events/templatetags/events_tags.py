"""Template helpers for event pages."""

from django import template

from core.templatetags.seo_tags import json_ld as seo_json_ld

register = template.Library()

# The filter lives on the ground floor, shared with knowledge pages; event templates load it from here.
register.filter("json_ld", seo_json_ld)
