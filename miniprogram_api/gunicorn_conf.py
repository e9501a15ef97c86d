"""gunicorn's settings for the API, one place for `make run` (serve.py) and for deployments:

    .venv/bin/gunicorn -c python:miniprogram_api.gunicorn_conf --bind 127.0.0.1:8000 --workers 4 miniprogram_api.wsgi:app

- the worker class writes gunicorn's own refusals (431, 414, 400) as problem documents (gunicorn_worker.py), not
  gunicorn's English HTML page;
- threads: a slow phone's upload ties up a thread, not the whole worker (a buffering proxy such as nginx in front
  should still take slow clients off it: the README's deployment section);
- the timeout (LIANGBU_REQUEST_TIMEOUT_SECONDS) bounds how long a request can live; an Idempotency-Key claimed by a
  request that died is freed soon after it (backend/idempotency.py); with threads it ends a silent worker, not
  a stuck request, which the database's own timeouts bound;
- access logs name the path alone: gunicorn's %(U)s, never %(r)s (the request line) or %(q)s, which would log
  the query string (WeChat's signatures and openids, consent codes, signed speech links).
Bind address and worker count are the deployment's (command line)."""

from backend.settings import Settings

worker_class = "miniprogram_api.gunicorn_worker.ProblemWorker"
threads = 4
# LIANGBU_REQUEST_TIMEOUT_SECONDS (60): the database's timeouts are kept under it (backend/settings.py).
timeout = Settings().request_timeout_seconds
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(L)ss'
