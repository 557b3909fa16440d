"""Serves generated CORS configurations with the real Python libraries, for the ground-truth tests.

Usage: serve.py <framework> <directory>

Every `c<N>.py` in <directory> is one configuration, written the way an app would write it. Each is served under the
path prefix `/c<N>/`, by one server on 127.0.0.1 and a port the OS picks, which is printed as `PORT <n>` once the
server listens. A configuration that fails to load is printed as `ERROR c<N> <message>` and answers 599. The server
stops when its standard input closes.
"""
import importlib.util
import os
import sys
import threading
import traceback


def load(directory):
    """Every configuration module, by its number, or the error it raised."""
    modules = {}
    for name in sorted(os.listdir(directory)):
        if not (name.startswith("c") and name.endswith(".py")):
            continue
        key = name[1:-3]
        spec = importlib.util.spec_from_file_location(f"gt_config_{key}", os.path.join(directory, name))
        module = importlib.util.module_from_spec(spec)
        # Importable by name, so that a settings module's MIDDLEWARE can name a class it defines.
        sys.modules[spec.name] = module
        try:
            spec.loader.exec_module(module)
            modules[key] = module
        except Exception as error:  # noqa: BLE001 - reported to the harness, which compares it with the model
            modules[key] = error
            print(f"ERROR c{key} {type(error).__name__}: {error}".replace("\n", " "), flush=True)
    return modules


def split(path):
    """`/c12/rest` -> ("12", "/rest")."""
    parts = path.split("/", 2)
    if len(parts) < 2 or not parts[1].startswith("c"):
        return None, path
    return parts[1][1:], "/" + (parts[2] if len(parts) > 2 else "")


def asgi_dispatcher(modules):
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        key, rest = split(scope["path"])
        target = modules.get(key)
        if target is None or isinstance(target, Exception):
            await send({"type": "http.response.start", "status": 599, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        inner = dict(scope, path=rest, raw_path=rest.encode())
        await target.app(inner, receive, send)

    return app


def wsgi_dispatcher(modules, wrap=None):
    def app(environ, start_response):
        key, rest = split(environ.get("PATH_INFO", "/"))
        target = modules.get(key)
        if target is None or isinstance(target, Exception):
            start_response("599 Load Error", [])
            return [b""]
        environ = dict(environ, PATH_INFO=rest)
        if wrap:
            return wrap(target, environ, start_response)
        return target.app(environ, start_response)

    return app


def django_app(modules):
    """Django handlers; each request runs with its configuration's CORS_* settings (and MIDDLEWARE) in place."""
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="ground-truth",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions", "corsheaders"],
        MIDDLEWARE=["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"],
        DATABASES={},
        USE_TZ=True,
    )
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    handlers = {}
    lock = threading.Lock()

    def run(module, environ, start_response):
        values = {name: getattr(module, name) for name in dir(module) if name.startswith("CORS_")}
        if hasattr(module, "MIDDLEWARE"):
            values["MIDDLEWARE"] = module.MIDDLEWARE
        with lock, override_settings(**values):
            # The middleware chain is built when the handler is: one handler per configuration.
            handler = handlers.get(module.__name__)
            if handler is None:
                handler = handlers[module.__name__] = WSGIHandler()
            return list(handler(environ, start_response))

    return wsgi_dispatcher(modules, run)


def urlpatterns_view(request):
    from django.http import HttpResponse

    response = HttpResponse("ok")
    response["X-Request-ID"] = "1"
    return response


def _patterns():
    from django.urls import re_path

    # Under strict/ only paths with a trailing slash exist, so CommonMiddleware redirects the others (APPEND_SLASH).
    return [re_path(r"^strict/.*/$", urlpatterns_view), re_path(r"^(?!strict/).*$", urlpatterns_view)]


def __getattr__(name):
    # ROOT_URLCONF is this module: Django reads `urlpatterns` lazily, after setup.
    if name == "urlpatterns":
        return _patterns()
    raise AttributeError(name)


def main():
    framework, directory = sys.argv[1], sys.argv[2]
    sys.path.insert(0, directory)
    if framework == "django":
        modules = load(directory)
        app = django_app(modules)
        serve_wsgi(app)
    elif framework == "flask":
        serve_wsgi(wsgi_dispatcher(load(directory)))
    else:
        serve_asgi(asgi_dispatcher(load(directory)))


def watch_stdin(stop):
    def wait():
        sys.stdin.read()
        stop()

    threading.Thread(target=wait, daemon=True).start()


def serve_wsgi(app):
    import socket

    from werkzeug.serving import WSGIRequestHandler, make_server

    # Keep-alive, so that one connection carries every probe; answers are not held back (TCP_NODELAY).
    WSGIRequestHandler.protocol_version = "HTTP/1.1"
    server = make_server("127.0.0.1", 0, app, threaded=False)
    server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print(f"PORT {server.server_port}", flush=True)
    watch_stdin(lambda: threading.Thread(target=server.shutdown, daemon=True).start())
    server.serve_forever()


def serve_asgi(app):
    import asyncio
    import socket

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: answers are not held back waiting for the client's delayed ACK.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    config = uvicorn.Config(app, log_level="error", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    print(f"PORT {sock.getsockname()[1]}", flush=True)

    def stop():
        server.should_exit = True

    watch_stdin(stop)
    asyncio.run(server.serve(sockets=[sock]))


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001 - the harness shows it
        traceback.print_exc()
        sys.exit(1)
