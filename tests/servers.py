"""Real local servers for tests: ``transformers serve`` with the embedded model, and a faulty one.

The faulty server is ours on purpose: a real endpoint cannot be made to return 500s, hang or
send malformed JSON on demand.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def transformers_server(model_dir: Path, startup_timeout: float = 180.0):
    """``transformers serve`` on 127.0.0.1 at a free port; yields the ``/v1`` base URL."""
    port = free_port()
    cli = Path(sys.executable).with_name("transformers")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_VERBOSITY="error")
    process = subprocess.Popen(
        [
            str(cli),
            "serve",
            str(model_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--device",
            "cpu",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"transformers serve exited: {process.stderr.read()[-2000:]!r}")
            try:
                with urllib.request.urlopen(f"{base}/v1/models", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("transformers serve did not start in time") from None
                time.sleep(0.5)
        yield f"{base}/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def chat_completion(message: dict, finish_reason: str) -> bytes:
    """The body of a one-choice chat completion carrying ``message``."""
    choice = {"index": 0, "message": message, "finish_reason": finish_reason}
    return json.dumps(
        {
            "id": "c",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [choice],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
    ).encode()


class JSONHandler(http.server.BaseHTTPRequestHandler):
    """A quiet handler that answers with a JSON body and a status."""

    def _send(self, body: bytes, status: int):
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class FaultyHandler(JSONHandler):
    """Answers every POST with the server's configured fault and counts the requests.

    ``"flaky"`` answers like ``"reply"`` after ``delay`` seconds, except a 500 for every
    request whose body hashes (SHA-256) to 0 modulo ``fail_every``: which calls fail depends on
    what is asked, not on the order of arrival. ``max_in_flight`` records how many requests were
    being served at once.
    """

    def do_POST(self):
        length = int(self.headers.get("content-length", 0))
        body = self.rfile.read(length)
        with self.server.lock:
            self.server.requests += 1
            self.server.in_flight += 1
            self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
        try:
            answer = self._answer(body)
        finally:  # done before the reply goes out, so the client's next request never overlaps
            with self.server.lock:
                self.server.in_flight -= 1
        if answer is not None:
            self._send(*answer)

    def _answer(self, request: bytes) -> tuple[bytes, int] | None:
        """The reply's body and status (None: hang up without answering)."""
        fault = self.server.fault
        if fault == "flaky":
            time.sleep(self.server.delay)
            digest = int.from_bytes(hashlib.sha256(request).digest()[:8], "little")
            if digest % self.server.fail_every:
                fault = "reply"
            else:
                with self.server.lock:
                    self.server.failed_requests += 1
                fault = "500"
        if fault == "hang":
            time.sleep(self.server.hang_seconds)
            return None
        if fault == "reply":  # a well-formed completion that always says the same words
            message = {"role": "assistant", "content": self.server.reply_text}
            body, status = chat_completion(message, "stop"), 200
        elif fault == "500":
            body, status = b'{"error": {"message": "boom"}}', 500
        elif fault == "429":
            body, status = b'{"error": {"message": "slow down"}}', 429
        else:  # malformed JSON with a 200
            body, status = b'{"choices": [ this is not json', 200
        return body, status


@contextmanager
def faulty_server(
    fault: str,
    hang_seconds: float = 5.0,
    reply_text: str = "Sure, happy to help.",
    *,
    fail_every: int = 0,
    delay: float = 0.0,
):
    """A local HTTP server that fails requests (see ``FaultyHandler``); yields (url, server).

    ``fault="reply"`` is a model that answers every request with ``reply_text``, whatever it was
    asked: the unfaithful user that a real small model is only sometimes.
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FaultyHandler)
    server.fault, server.requests, server.hang_seconds = fault, 0, hang_seconds
    server.reply_text = reply_text
    server.fail_every, server.delay, server.failed_requests = fail_every, delay, 0
    server.lock, server.in_flight, server.max_in_flight = threading.Lock(), 0, 0
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", server
    finally:
        server.shutdown()
        server.server_close()
