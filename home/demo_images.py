"""The demo's images: an illustration on each seed page with a top image, placeholder portraits for people."""

from core import demo_images

CREDIT = "Kommuner och regioner (illustration)"
# ctx.pages key: (shape, two colours, background, title of the image in the library).
ILLUSTRATIONS = {
    "conference": ("circles", ("mörkblå", "petroleum"), "ljusblå", "Konferens i Göteborg"),
    "network": ("bands", ("vinröd", "mörkblå"), "sandfärgad", "Nätverk mot korruption"),
    "webinar_series": ("blocks", ("lila", "petroleum"), "ljusblå", "Webbinarieserie"),
    "themes_conference": ("bands", ("mörkgrön", "brun"), "ljusgrön", "Konferens med teman"),
    "knowledge": ("blocks", ("mörkgrön", "mörkblå"), "ljusgrön", "Leda digitalisering"),
}


def build(ctx):
    """Draws (once) and sets the seed pages' top images and the people's placeholder portraits."""
    demo_images.give_placeholder_portraits(ctx.people.values())
    for key, (shape, colours, background, title) in ILLUSTRATIONS.items():
        page = ctx.pages.get(key)
        if page is None or page.top_image_id:
            continue
        image = demo_images.illustration(key, shape, list(colours), background, title)
        page.top_image = image
        page.top_image_alt = image.description
        page.image_credit = CREDIT
        page.save_revision().publish()
