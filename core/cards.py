"""What the shared page card (templates/components/page_card.html) reads of a page."""

# Its title and address (url_path), and its text: the intro, else the search description. A listing
# of cards loads only these columns, plus the ones its page type's card_meta needs.
PAGE_CARD_FIELDS = ("title", "url_path", "intro", "search_description")
