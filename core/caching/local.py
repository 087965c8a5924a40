# TEMPORARY shim until the memo layer is removed.
MISSING = object()


def get(generation, key, pickled=True):
    return MISSING


def keep(generation, key, value, pickled=True):
    return None
