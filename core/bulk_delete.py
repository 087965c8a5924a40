"""Deleting many rows by id the way Django's fast delete would if it could (purges of old records)."""

from django.db import connection, models
from django.db.models.signals import post_delete, pre_delete


def delete_by_ids(model, ids):
    """Deletes the rows of `model` with these ids and what cascades from them; returns how many of `model`.

    Django deletes a model that others refer to by loading every row as an instance and deleting them a
    hundred at a time, even when the rows that refer to it go by one fast DELETE each. Here those rows go
    the same way (Django's fast delete, through the ORM), and then the rows themselves in one DELETE. When a
    relation is not a plain cascade, or a delete signal listens to the model, Django's own delete runs.
    """
    if not ids:
        return 0
    # Every relation pointing here, the link tables of many-to-many fields among them (as Django's collector
    # finds them).
    relations = [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_one or field.one_to_many)
    ]
    if (
        any(relation.on_delete is not models.CASCADE for relation in relations)
        or pre_delete.has_listeners(model)
        or post_delete.has_listeners(model)
    ):
        return model._base_manager.filter(pk__in=ids).delete()[1].get(model._meta.label, 0)
    for relation in relations:
        relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": ids}).delete()
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN ({placeholders})",
            list(ids),
        )
        return cursor.rowcount
