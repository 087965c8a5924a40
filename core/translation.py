"""Translating a page or snippet through wagtail-localize's own objects, as the admin does.

Used by the demo content and the tests: the source is synced, a Translation to the locale is
made, the strings an outside translator sent back as a PO file are imported, and the target is
saved (published, for a page). Strings without a translation fall back to the source text.
"""

import polib
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource


def translation_for(instance, language_code):
    """The wagtail-localize Translation of `instance` into the language, its source synced first."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation


def translate(instance, language_code, strings, publish=True):
    """Translate `instance` with `strings` ({source text: translated text}, e.g. read from a PO file)
    and save the translated object, which is returned."""
    translation = translation_for(instance, language_code)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr)
    translation.import_po(po)
    if not isinstance(instance, DraftStateMixin):
        translation.save_target()
        return instance.get_translation(translation.target_locale)
    # Saved as a draft, then published here: wagtail-localize would publish at the end of the
    # transaction from the object as it was before, and inside a longer transaction (the demo
    # builds in one) that would write back a stale count of the page's children.
    translation.save_target(publish=False)
    target = type(instance).objects.get(pk=instance.get_translation(translation.target_locale).pk)
    if publish:
        target.latest_revision.publish()
        target.refresh_from_db()
    return target


def read_po(path):
    """{msgid: msgstr} of the translated entries of a PO file."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}
