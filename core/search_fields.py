"""Search fields that the admin's page search finds too: it matches autocomplete fields only, so every
full-text field of a page is also indexed for autocomplete."""

from wagtail.search import index


def admin_findable(fields):
    """`fields` plus an AutocompleteField for each SearchField (inside RelatedFields too)."""
    names = {field.field_name for field in fields if isinstance(field, index.AutocompleteField)}
    result = []
    for field in fields:
        if isinstance(field, index.RelatedFields):
            result.append(index.RelatedFields(field.field_name, admin_findable(field.fields)))
            continue
        result.append(field)
        if isinstance(field, index.SearchField) and field.field_name not in names:
            result.append(index.AutocompleteField(field.field_name))
            names.add(field.field_name)
    return result
