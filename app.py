"""The WSGI entry point: `gunicorn app:app` or `flask --app app run`."""

from jobnet.web import create_app

app = create_app()
