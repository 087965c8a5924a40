"""Static file storage for production: WhiteNoise's compressed files with content hashes."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage that works out each file's address once per process.

    The manifest is read when the process starts and does not change while it runs, so an address
    found once stays right; every page asks for the same dozen files on every render.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
