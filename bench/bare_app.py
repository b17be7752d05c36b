"""The ceiling: a bare Flask route served exactly like the web app (gunicorn, same workers)."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index() -> str:
    return "<!DOCTYPE html><html lang=en><title>bare</title><p>Hello</p></html>"
