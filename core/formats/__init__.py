"""The site's own locale formats (FORMAT_MODULE_PATH): Django's Swedish ones, with ISO input only."""
