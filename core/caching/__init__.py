"""Full-page caching for anonymous visitors on Django's cache framework (see docs/performance.md).

Every stored page carries the site-wide cache generation it was rendered under and the moment it
expires; publishing a page or changing a snippet or setting that pages show starts a new
generation, and nothing is kept past the next moment a page changes by the clock. Apps do not
import this package: the middleware and the context processor are wired in settings, the signals
in CoreConfig.ready().
"""
