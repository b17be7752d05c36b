"""WSGI entry for running DFDG as its own service: `gunicorn jobnet.dfdg.wsgi:app`."""

from jobnet.dfdg import create_dfdg_app

app = create_dfdg_app()
