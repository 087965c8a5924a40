"""A WSGI application that answers 200 to any request, for specifications of gunicorn's own set-up."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"ok"]
