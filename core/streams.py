"""StreamField helpers for pages that show many streams: the parts of a series, media blocks with people."""

from collections import defaultdict

from wagtail import blocks

from core.blocks.people import PersonChooserBlock, people_read_together, read_people
from core.models import Person


def convert_streams(fields):
    """Convert the StreamFields named by `fields`, pairs of (model instance, field name), together.

    Read lazily, a stream converts each type of block when first used, with a query for the
    people each type chooses: four for a knowledge page with webcasts, podcasts, web courses and
    interviews, more for a series with speakers on the page and in every part. Here every person
    the streams name is read in one query, and each field's streams are converted at once with
    Wagtail's StreamBlock.bulk_to_python (one query per other chosen model).
    """
    by_field = defaultdict(list)
    for instance, field_name in fields:
        # A stream read before (is_lazy is False once converted) keeps its values.
        if getattr(instance, field_name).is_lazy:
            by_field[(type(instance), field_name)].append(instance)
    if not by_field:
        return

    raw_streams = {
        key: [list(getattr(instance, key[1]).raw_data) for instance in instances] for key, instances in by_field.items()
    }
    person_ids = set()
    for (model, field_name), streams in raw_streams.items():
        stream_block = model._meta.get_field(field_name).stream_block
        for raw in streams:
            person_ids.update(chosen_people(stream_block, raw))

    with people_read_together(read_people(Person, person_ids)):
        for (model, field_name), instances in by_field.items():
            stream_block = model._meta.get_field(field_name).stream_block
            converted = stream_block.bulk_to_python(raw_streams[(model, field_name)])
            for instance, stream in zip(instances, converted, strict=True):
                setattr(instance, field_name, stream)


def chosen_people(block, raw):
    """The ids of the people chosen anywhere in `raw`, the stored (JSON) value of `block`."""
    if raw is None:
        return
    if isinstance(block, PersonChooserBlock):
        yield raw
    elif isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from chosen_people(child_block, child.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Lists store {"type": "item", "value": …, "id": …}; lists saved before Wagtail 2.16, bare values.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from chosen_people(block.child_block, item["value"] if is_wrapped else item)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child_block in block.child_blocks.items():
            yield from chosen_people(child_block, raw.get(name))
