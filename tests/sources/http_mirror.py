"""A real HTTP server on 127.0.0.1 that serves mirror files, and misbehaves on request.

Paths are ``/<mode>/<path in mirror>``:

``ok``          serve the file (with ``Range`` support, as a real mirror would)
``corrupt``     serve the file with one byte flipped
``drop-once``   the first request for a file is cut off halfway; later ones are served
``drop-always`` every request is cut off halfway
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Log:
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    cut: set[str] = field(default_factory=set)


def _handler(root: Path, log: Log) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            rng = self.headers.get("Range")
            log.requests.append((self.path, rng))
            mode, _, rel = self.path.lstrip("/").partition("/")
            file = root / rel
            if not file.is_file():
                self.send_error(404)
                return
            data = file.read_bytes()
            if mode == "corrupt":
                data = data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
            start = 0
            if rng and rng.startswith("bytes="):
                start = int(rng[6:].split("-")[0])
            body = data[start:]
            cut = mode == "drop-always" or (mode == "drop-once" and rel not in log.cut)
            self.send_response(206 if start else 200)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            if cut:
                log.cut.add(rel)
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(body)

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Log]]:
    """Serve ``root`` on 127.0.0.1; yield the base URL and the request log."""
    log = Log()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root, log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
