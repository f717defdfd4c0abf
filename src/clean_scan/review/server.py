"""``clean-scan review``: the report as a review tool, served on 127.0.0.1.

The server binds to 127.0.0.1 only, at a random port, and answers only a
request that carries its random token (in the page's URL, then in a header
of every call the page makes) from its own origin. It serves the review
page and its items; it writes only the decisions file (atomically, the
moment a decision is made) and, when the reviewer applies the decisions,
the outputs of cleaning the input again and the project word list.
"""

from __future__ import annotations

import json
import secrets
import threading
import webbrowser
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from clean_scan.decoding import InputError, read_input
from clean_scan.outputs import write_atomic
from clean_scan.review.decisions import (
    Decisions,
    DecisionsError,
    parse_decisions,
    read_decisions,
)
from clean_scan.review.items import review_items
from clean_scan.review.page import review_page
from clean_scan.review.words import DEFAULT_NAME as DEFAULT_WORDS
from clean_scan.runner import clean_file
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, Context

MAX_BODY = 1_000_000


@dataclass
class Session:
    """One report under review: its files, its decisions, its token."""

    report_path: Path
    input_path: Path
    words_path: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def stem(self) -> str:
        return self.report_path.name.removesuffix(".report.json")

    @property
    def decisions_path(self) -> Path:
        return self.report_path.with_name(f"{self.stem}.review.json")

    def report(self) -> dict[str, Any]:
        return json.loads(self.report_path.read_text(encoding="utf-8"))

    def decisions(self) -> Decisions:
        sha = self.report()["input"]["sha256"]
        if self.decisions_path.is_file():
            return read_decisions(self.decisions_path, sha)
        return Decisions(sha, ())

    def state(self) -> dict[str, Any]:
        report = self.report()
        raw = read_input(self.input_path).text
        decided = {(d.item_id or f"word:{d.word}"): d.to_json()
                   for d in self.decisions().decisions}
        return {"name": report["input"]["name"], "items": review_items(report, raw),
                "decided": decided}

    def decide(self, item: Any) -> dict[str, Any]:
        """Add (or, for ``{"id": …, "action": "undo"}``, drop) a decision and
        save the file at once; a later decision on an item replaces an earlier."""
        with self.lock:
            current = self.decisions()
            undo = isinstance(item, dict) and item.get("action") == "undo"
            key = _key(item) if isinstance(item, dict) else None
            kept = [d.to_json() for d in current.decisions if _key(d.to_json()) != key]
            new = kept if undo else [*kept, item]
            checked = parse_decisions({"version": 1, "input_sha256": current.input_sha256,
                                       "decisions": new}, "decision")
            text = json.dumps(checked.to_json(), ensure_ascii=False, indent=1) + "\n"
            write_atomic(self.decisions_path, text.encode("utf-8"))
            return {"ok": True, "decided": len(checked.decisions)}

    def apply(self) -> dict[str, Any]:
        """Clean the input again with the decisions, as ``clean-scan INPUT`` would."""
        with self.lock:
            options = self.report().get("options", {})
            min_confidence = float(options.get("min_confidence", DEFAULT_MIN_CONFIDENCE))
            outcome = clean_file(
                self.input_path, out_dir=self.report_path.parent,
                context=Context(min_confidence=min_confidence),
                review_path=self.decisions_path if self.decisions_path.is_file() else None,
                words_path=self.words_path)
            review = outcome.review
            return {"ok": True, "applied": review.applied if review else 0,
                    "stale": review.stale if review else []}


def _key(item: dict[str, Any]) -> str | None:
    if "word" in item:
        return f"word:{item['word']}"
    if "id" in item:
        return str(item["id"])
    return f"raw:{item.get('raw_start')}-{item.get('raw_end')}"


def make_server(report_path: Path, port: int = 0) -> tuple[ThreadingHTTPServer, Session, str]:
    """The server (not yet serving), its session and the URL to open."""
    session = _session(report_path)
    handler = type("Handler", (ReviewHandler,), {"session": session})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}/?token={session.token}"
    return server, session, url


def _session(report_path: Path) -> Session:
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
        name = report["input"]["name"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(f"{report_path}: not a clean-scan JSON report") from None
    input_path = report_path.parent / name
    if not input_path.is_file():
        raise InputError(f"{input_path}: the report's input is not beside the report")
    return Session(report_path, input_path, input_path.parent / DEFAULT_WORDS)


def serve(report_path: Path, *, open_browser: bool = True, port: int = 0) -> None:
    server, _, url = make_server(report_path, port)
    print(f"reviewing {report_path} at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class ReviewHandler(BaseHTTPRequestHandler):
    """The page, its state, a decision, apply; nothing else."""

    session: Session
    server_version = "clean-scan-review"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass  # the terminal shows the URL, not every request

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        if parts.path == "/":
            token = parse_qs(parts.query).get("token", [""])[0]
            if not self._allowed(token):
                return
            page = review_page(self.session.report_path.name, self.session.token)
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
        elif parts.path == "/api/state":
            if self._allowed(self.headers.get("X-Review-Token", "")):
                self._json(self.session.state())
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        if not self._allowed(self.headers.get("X-Review-Token", "")):
            return
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"json only", "text/plain")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 <= length <= MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"too large", "text/plain")
            return
        try:
            body = json.loads(self.rfile.read(length) or b"null")
            if self.path == "/api/decide":
                self._json(self.session.decide(body))
            elif self.path == "/api/apply":
                self._json(self.session.apply())
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        except (ValueError, DecisionsError, InputError) as exc:
            self._json({"ok": False, "error": str(exc)}, HTTPStatus.BAD_REQUEST)

    def _allowed(self, token: str) -> bool:
        """The token, and the request from this server's own origin."""
        own = f"http://127.0.0.1:{self.server.server_address[1]}"
        origin = self.headers.get("Origin")
        if not secrets.compare_digest(token, self.session.token) or \
                (origin is not None and origin != own) or \
                self.headers.get("Host") != own.removeprefix("http://"):
            self._send(HTTPStatus.FORBIDDEN, b"forbidden", "text/plain")
            return False
        return True

    def _json(self, data: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                   "application/json")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy",
                         "default-src 'none'; script-src 'unsafe-inline'; "
                         "style-src 'unsafe-inline'; connect-src 'self'")
        self.end_headers()
        self.wfile.write(body)


__all__ = ["Session", "make_server", "serve"]
