"""A small LibreTranslate-compatible HTTP server on 127.0.0.1 for tests and benchmarks (never the internet).

It answers ``POST /translate`` (the query parameters deep-translator sends: q, source, target, format,
api_key) with ``{"translatedText": "[fr] <q>"}`` by default, after an optional latency. A test scripts
misbehaviour with :meth:`FakeLibre.plan`: a list of answers given in turn to requests whose text
contains a substring (HTTP statuses, garbage, a slow answer, a text with a placeholder dropped or
duplicated), and counts every request it received.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Answer = int | str | Callable[[str, str], "Reply"]


@dataclass
class Reply:
    """What the server sends: a status, a body, optional headers, after a delay."""

    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def default_translation(text: str, target: str) -> str:
    """The server's 'translation': the text tagged with the target language, placeholders kept."""
    return f"[{target}] {text}"


def drop_placeholder(text: str, target: str) -> Reply:
    """Answer with the first placeholder left out, as engines sometimes do."""
    return Reply(body=json.dumps({"translatedText": default_translation(re.sub(r"\{\d+\}\s?", "", text, count=1), target)}))


def duplicate_placeholder(text: str, target: str) -> Reply:
    """Answer with the first placeholder written twice."""
    found = re.search(r"\{\d+\}", text)
    doubled = text if not found else text.replace(found.group(), f"{found.group()} {found.group()}", 1)
    return Reply(body=json.dumps({"translatedText": default_translation(doubled, target)}))


def garbage(text: str, target: str) -> Reply:
    """An answer that is no LibreTranslate JSON at all."""
    return Reply(body="<html><body>Service temporarily rewritten</body></html>", headers={"Content-Type": "text/html"})


class FakeLibre:
    """The server and its script; use as a context manager."""

    def __init__(self, *, latency: float = 0.0, require_key: str | None = None) -> None:
        self.latency = latency
        self.require_key = require_key
        self.requests: list[tuple[str, str]] = []  # (text, target) of every request received
        self.api_keys: list[str | None] = []
        self._plans: list[tuple[str, list[Answer]]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-libre", daemon=True)
        self.on_request: Callable[[int], None] | None = None
        self.in_flight = 0
        self.max_in_flight = 0

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def plan(self, contains: str, answers: list[Answer]) -> None:
        """Answer the requests whose text contains ``contains`` with ``answers`` in turn (then normally)."""
        with self._lock:
            self._plans.append((contains, list(answers)))

    def texts(self) -> list[str]:
        with self._lock:
            return [text for text, _ in self.requests]

    def __enter__(self) -> FakeLibre:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _reply(self, text: str, target: str, key: str | None) -> Reply:
        with self._lock:
            self.requests.append((text, target))
            self.api_keys.append(key)
            count = len(self.requests)
            answer: Answer | None = None
            for contains, answers in self._plans:
                if contains in text and answers:
                    answer = answers.pop(0)
                    break
        if self.on_request is not None:
            self.on_request(count)
        if self.require_key is not None and key != self.require_key:
            return Reply(403, json.dumps({"error": "Invalid API key"}))
        if answer is None:
            return Reply(body=json.dumps({"translatedText": default_translation(text, target)}), delay=self.latency)
        if isinstance(answer, int):
            headers = {"Retry-After": "0"} if answer == 429 else {}
            return Reply(answer, json.dumps({"error": f"status {answer}"}), headers)
        if isinstance(answer, str):
            return Reply(body=json.dumps({"translatedText": answer}), delay=self.latency)
        return answer(text, target)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else small writes wait for delayed ACKs (40 ms each)

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                fields = {**parse_qs(body), **parse_qs(parts.query)}
                if parts.path != "/translate":
                    self._send(Reply(404, json.dumps({"error": "Not Found"})))
                    return
                text = fields.get("q", [""])[0]
                target = fields.get("target", [""])[0]
                key = fields.get("api_key", [None])[0]
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    reply = server._reply(text, target, key)
                    if reply.delay:
                        time.sleep(reply.delay)
                finally:
                    with server._lock:
                        server.in_flight -= 1
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                data = reply.body.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.headers.pop("Content-Type", "application/json"))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): fine
                    pass

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                return

        return Handler
