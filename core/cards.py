"""What the shared page card (templates/components/page_card.html) reads of a page."""

# Its title and address (url_path), and its text: the intro, else the search description. A listing
# of cards loads only these columns, plus the ones its page type's card_meta needs.
PAGE_CARD_FIELDS = ("title", "url_path", "intro", "search_description")

# Pages with PageImagesMixin show their teaser image (else the top image) on a card; a listing loads
# these columns too, and the images with their card renditions (core.images.prefetch_card_images).
CARD_IMAGE_FIELDS = (
    "top_image",
    "top_image_alt",
    "top_image_decorative",
    "teaser_image",
    "teaser_image_alt",
    "teaser_image_decorative",
)
