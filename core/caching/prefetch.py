"""Query helpers that keep renders bounded when many objects each hold a StreamField."""

from wagtail.blocks import StreamValue


def prefetch_stream_blocks(stream_values, type_name):
    """Convert the `type_name` blocks of many StreamValues at once: one query for the snippets,
    pages or images they choose, instead of one per StreamValue (e.g. the speakers of each part)."""
    pending = []
    for stream in stream_values:
        if stream is None or type_name not in stream.stream_block.child_blocks:
            continue
        for index, raw in enumerate(stream._raw_data):
            if stream._bound_blocks[index] is None and raw and raw.get("type") == type_name:
                pending.append((stream, index, raw))
    if not pending:
        return
    child_block = pending[0][0].stream_block.child_blocks[type_name]
    values = child_block.bulk_to_python([raw["value"] for _stream, _index, raw in pending])
    for (stream, index, raw), value in zip(pending, values, strict=True):
        stream._bound_blocks[index] = StreamValue.StreamChild(child_block, value, id=raw.get("id"))
