"""StreamField helpers for pages that show the streams of many objects, e.g. the parts of a series."""


def convert_streams(instances, field_name):
    """Convert the `field_name` StreamField of many model instances together.

    Each stream would otherwise convert its blocks when first read, with a query of its own for
    the snippets, pages or images they choose (the speakers of each part of a series). Wagtail's
    StreamBlock.bulk_to_python converts them all at once: one query per chosen model.
    """
    instances = list(instances)
    if not instances:
        return
    stream_block = instances[0]._meta.get_field(field_name).stream_block
    streams = stream_block.bulk_to_python([list(getattr(instance, field_name).raw_data) for instance in instances])
    for instance, stream in zip(instances, streams, strict=True):
        setattr(instance, field_name, stream)
