"""Grows the site to the size of years of publishing, for the scale benchmark (manage.py grow_site)."""
