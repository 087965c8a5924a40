"""Reading links out of alert e-mail, as a subscriber's mail program would."""

import re
from urllib.parse import urlsplit


def links(message):
    return re.findall(r"https?://\S+", message.body if hasattr(message, "body") else message.get_content())


def path_of(url):
    return urlsplit(url).path


def link_to(message, part):
    """The path of the first link in the e-mail whose address contains `part`."""
    return next(path_of(url) for url in links(message) if part in url)


def unsubscribe_header_path(message):
    """The address in the List-Unsubscribe header, <https://...>."""
    return path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))
