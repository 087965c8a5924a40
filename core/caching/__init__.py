"""Full-page caching for anonymous visitors on Django's cache framework (see docs/performance.md).

Every stored page carries the site-wide cache generation it was rendered under; publishing a page
or changing a snippet or setting that pages show bumps the generation, so every page, listings
included, is rendered afresh on its next request.
"""

from .generation import bump_generation, current_generation

__all__ = ["bump_generation", "current_generation"]
