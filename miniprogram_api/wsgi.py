"""The WSGI entry point for gunicorn: `gunicorn miniprogram_api.wsgi:app`."""

from miniprogram_api.app import create_app

app = create_app()
