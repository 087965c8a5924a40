"""The page cache's generation, kept in the database so that no invalidation is lost with the cache."""

from django.db import models


class PageCacheGeneration(models.Model):
    """One row whose token changes whenever content that pages show changes (docs/performance.md)."""

    token = models.CharField("token", max_length=32, editable=False)
    changed_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "sidcachens generation"
        verbose_name_plural = "sidcachens generation"

    def __str__(self):
        return self.token
