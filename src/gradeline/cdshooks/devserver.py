"""A small threaded HTTP server around a :class:`CdsService` (loopback tests, benchmarks, local trials).

Production serves the same ``handle()`` through the Django app; this is not meant for it.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from gradeline.cdshooks.service import CdsService


def make_server(service: CdsService, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server (not yet started) whose base URL is ``http://host:port``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # one response = headers + body; avoid delayed-ACK stalls

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            host, port = server.server_address[:2]
            base = f"http://{host!s}:{port}"
            reply = service.handle(self.command, self.path.split("?")[0], dict(self.headers), body, base)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        do_GET = do_POST = do_OPTIONS = _serve

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Start serving in a daemon thread; stop with ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
