"""Demo images drawn here with Pillow, never downloaded: abstract illustrations whose alt texts say
what they show, and neutral placeholder portraits (initials on a colour), marked as placeholders."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

PLACEHOLDER_TAG = "platshållare"
DEMO_TAG = "demobild"
# Colours with their Swedish names, so that an alt text can say what is drawn. Each is dark enough
# for white initials (contrast at least 4.5:1).
COLOURS = {
    "mörkblå": (0, 68, 107),
    "petroleum": (0, 95, 105),
    "mörkgrön": (36, 94, 52),
    "vinröd": (128, 30, 58),
    "lila": (84, 52, 122),
    "brun": (110, 66, 30),
}
LIGHT = {"ljusblå": (214, 232, 244), "ljusgrön": (220, 238, 222), "sandfärgad": (244, 234, 214)}
SHAPES = {
    "circles": "överlappande ringar",
    "bands": "breda diagonala band",
    "blocks": "rundade block i ett rutnät",
}


def _store(title, description, picture, filename, tags):
    """The library image with this title, created from the drawing if missing (so loading twice adds none)."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    image = model(title=title, description=description)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    image.tags.add(*tags)
    return image


def illustration(slug, shape, colours, background, title):
    """An abstract 1600x900 illustration: shapes in two named colours on a light named background."""
    rng = random.Random(slug)
    width, height = 1600, 900
    picture = PillowImage.new("RGB", (width, height), LIGHT[background])
    draw = ImageDraw.Draw(picture)
    fills = [COLOURS[name] for name in colours]
    if shape == "circles":
        for i in range(9):
            radius = rng.randint(140, 330)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=fills[i % 2], width=28)
    elif shape == "bands":
        for i in range(7):
            offset = i * 330 - 600 + rng.randint(-40, 40)
            draw.polygon(
                [(offset, height), (offset + 160, height), (offset + 760, 0), (offset + 600, 0)], fill=fills[i % 2]
            )
    else:
        for row in range(3):
            for col in range(5):
                if rng.random() < 0.7:
                    x, y = 80 + col * 300, 80 + row * 270
                    draw.rounded_rectangle((x, y, x + 240, y + 210), radius=36, fill=fills[(row + col) % 2])
    alt = f"Illustration: {SHAPES[shape]} i {colours[0]} och {colours[1]} mot {background} bakgrund."
    return _store(f"Illustration: {title}", alt, picture, f"illustration-{slug}.png", [DEMO_TAG])


def initials(name):
    """First and last name's initials: "Ann-Sofi Agnevik" is AA."""
    parts = name.split()
    return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()


def placeholder_portrait(name):
    """A 400x400 placeholder for a person's photo: their initials in white on a colour."""
    colour_name = list(COLOURS)[sum(map(ord, name)) % len(COLOURS)]
    picture = PillowImage.new("RGB", (400, 400), COLOURS[colour_name])
    draw = ImageDraw.Draw(picture)
    draw.text((200, 200), initials(name), fill=(255, 255, 255), font=ImageFont.load_default(size=150), anchor="mm")
    description = f"Platshållarbild, inget foto: initialerna {initials(name)} på {colour_name} bakgrund."
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    return _store(f"Platshållare: {name}", description, picture, f"platshallare-{slug}.png", [PLACEHOLDER_TAG])


def give_placeholder_portraits(people):
    """A placeholder portrait for each person without a photo; a real photo is never replaced."""
    for person in people:
        if person.photo_id is None:
            person.photo = placeholder_portrait(person.name)
            person.save(update_fields=["photo"])
