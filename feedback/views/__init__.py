"""Views of the feedback app: the public endpoint and the editors' reports."""
