"""gunicorn settings for `make serve`: the worker count follows the machine's cores
(WEB_WORKERS overrides), the bind address comes from HOST, logs go to standard error and the
access log is written by the app itself (core/logs.py), without residents' addresses."""

import multiprocessing
import os

bind = os.environ.get("HOST", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then; jitter keeps them from restarting together
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
