"""The program that runs inside the sandbox: a trusted supervisor and an untrusted runner.

It is executed as ``python -I -S -c <this file's source>`` (never imported into the parent to run
submissions; the parent imports it only for the value codec). It reads one job from stdin,
written with ``marshal`` by the trusted parent:

    {"nonce", "source", "function", "calls", "uid", "gid", "namespace", "hide", "workdir",
     "limits": {...}, "test_timeout", "load_timeout", "total_timeout", "output_limit",
     "value_limit", "preload"}

The supervisor (this process, trusted) sets up the filesystem view, then forks a runner that
closes every descriptor but its own pipes, applies resource limits, drops to the sandbox user and
only then compiles and executes the submission. The runner reports one line per test over its
pipe; the supervisor enforces the per-test deadline (killing and restarting the runner for the
remaining tests), collects a truncated copy of the runner's output, and finally writes one line
``<nonce> <json report>`` to its own stdout, a pipe the runner never holds. The report carries
returned values, never verdicts: the parent compares them with expected values the sandbox never
sees.
"""

import marshal
import os
import resource
import select
import signal
import sys
import time

MAX_DEPTH = 32
MAX_JOB_BYTES = 4 << 20
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND = 32, 4096
PR_SET_NO_NEW_PRIVS = 38
SANDBOX_TMP = "/tmp"
SANDBOX_WORKDIR = "/tmp/work"
REPORT_FD = 3


# ---- value codec (shared with the parent) -----------------------------------------------------
def encode(value, depth=0):
    """A JSON-able form of a plain Python value; containers are tagged so types survive.

    Only exact built-in types are accepted (a subclass of ``int`` with a rigged ``__eq__`` is
    refused, not trusted).
    """
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if depth >= MAX_DEPTH:
        raise ValueError("value nested too deeply")
    if kind in (list, tuple, set, frozenset):
        items = [encode(item, depth + 1) for item in value]
        if kind in (set, frozenset):
            items.sort(key=to_json)
        return [{list: "L", tuple: "T", set: "S", frozenset: "F"}[kind], *items]
    if kind is dict:
        return ["D", *[[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]]
    raise TypeError(f"unsupported value of type {kind.__name__}")


def decode(data, depth=0):
    """Inverse of ``encode``; raises ``ValueError`` on anything ``encode`` cannot produce."""
    if data is None or type(data) in (bool, int, float, str):
        return data
    if depth >= MAX_DEPTH or type(data) is not list or not data or data[0] not in "LTSFD":
        raise ValueError("malformed encoded value")
    tag, items = data[0], data[1:]
    if tag == "D":
        if not all(type(pair) is list and len(pair) == 2 for pair in items):
            raise ValueError("malformed encoded dict")
        return {decode(k, depth + 1): decode(v, depth + 1) for k, v in items}
    values = [decode(item, depth + 1) for item in items]
    return {"L": list, "T": tuple, "S": set, "F": frozenset}[tag](values)


_JSON_ESCAPES = {**{code: f"\\u{code:04x}" for code in range(32)}, 34: '\\"', 92: "\\\\"}


def to_json(value):
    """JSON text for what ``encode`` produces and for the report (``json`` itself is not
    imported here: with ``re`` and ``enum`` it would double the interpreter's start-up)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is float:
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if kind is str:
        return '"' + value.translate(_JSON_ESCAPES) + '"'
    if kind is list:
        return "[" + ",".join(to_json(item) for item in value) + "]"
    if kind is dict:
        return "{" + ",".join(f"{to_json(k)}:{to_json(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {kind.__name__} as JSON")


# ---- the runner (untrusted code runs here, after the privilege drop) ---------------------------
def _write_all(fd, data):
    while data:
        data = data[os.write(fd, data) :]


def _report(index, kind, text):
    _flush_output()
    line = f"{index}\t{kind}\t{text}".replace("\n", " ") + "\n"
    _write_all(REPORT_FD, line.encode("utf-8", "replace"))


def _flush_output():
    """Push buffered prints into the output pipe before a result is reported: the supervisor
    stops the runner right after the last result, and would otherwise lose them."""
    for stream in (sys.__stdout__, sys.__stderr__):
        try:  # noqa: SIM105 (the harness imports nothing it does not need)
            stream.flush()
        except Exception:  # a submission may have closed or replaced its streams
            pass


def _drop_privileges(job):
    """Limits, no new privileges through exec, then the one-run user id (all capabilities go)."""
    for name, value in job["limits"].items():
        resource.setrlimit(getattr(resource, name), (value, value))
    libc = _libc()
    if libc is not None and libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError("prctl(PR_SET_NO_NEW_PRIVS) failed")
    if job["uid"] is not None:
        os.setgroups([])
        os.setgid(job["gid"])
        os.setuid(job["uid"])


def _run_tests(job, start):
    """Compile and run the submission, then report tests ``start``.. in order."""
    calls = job["calls"]
    namespace = {"__name__": "submission", "__builtins__": __builtins__}
    try:
        code = compile(job["source"], "<submission>", "exec")
        exec(code, namespace)
    except BaseException as error:  # the submission may raise anything, SystemExit included
        _report(start, "load_error", _describe(error))
        return
    function = namespace.get(job["function"])
    if not callable(function):
        _report(start, "load_error", f"no function named {job['function']}")
        return
    for index in range(start, len(calls)):
        try:
            args = decode(calls[index])
            value = function(*args)
        except BaseException as error:
            _report(index, "raised", type(error).__name__ + "\t" + _describe(error))
            continue
        try:
            text = to_json(encode(value))
        except BaseException as error:
            _report(index, "error", f"cannot return {type(error).__name__}: {error}"[:200])
            continue
        if len(text) > job["value_limit"]:
            _report(index, "error", "return value too large")
        else:
            _report(index, "value", text)


def _describe(error):
    """``Type: message`` on one line, short (the parent removes test inputs from it)."""
    try:
        message = " ".join(str(error).split())
    except BaseException:
        message = ""
    text = type(error).__name__ + (f": {message}" if message else "")
    return text[:300]


def _runner(job, start, report_w, output_w):
    try:
        os.dup2(report_w, REPORT_FD)
        try:
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(output_w, 1)
            os.dup2(output_w, 2)
            os.closerange(REPORT_FD + 1, 1 << 16)
            os.setsid()
            for number in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGTERM):
                signal.signal(number, signal.SIG_DFL)
            os.chdir(job["workdir"])
            os.umask(0o077)
            _drop_privileges(job)
            sys.modules.pop("ctypes", None)
        except BaseException as error:
            _report(-1, "setup_error", f"{type(error).__name__}: {error}")
            return
        _report(-1, "ready", "")  # everything after this line comes from untrusted code
        _run_tests(job, start)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(0)


# ---- the supervisor (trusted) ------------------------------------------------------------------
def _libc():
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except Exception:
        return None


def _mount_tmpfs(libc, path, flags, options):
    if libc.mount(b"tmpfs", path.encode(), b"tmpfs", flags, options.encode()) != 0:
        import ctypes

        number = ctypes.get_errno()
        raise OSError(number, f"mount tmpfs on {path}: {os.strerror(number)}")


def _prepare_filesystem(job):
    """In a mount namespace: hide the given paths behind empty read-only tmpfs, fresh /tmp.

    The interpreter's standard library stays readable even when it lives under a hidden path
    (a Python installed under /root or /home): it is bound back, read-only, at its own place,
    with its site-packages hidden.
    """
    if not job["namespace"]:
        return
    libc = _libc()
    sealed = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC
    stdlib = os.path.dirname(os.path.realpath(os.__file__))
    hidden = [p for p in job["hide"] if os.path.isdir(p) and p != SANDBOX_TMP]
    covering = [p for p in hidden if (stdlib + "/").startswith(p.rstrip("/") + "/")]
    kept = os.open(stdlib, os.O_RDONLY | os.O_DIRECTORY) if covering else None  # before hiding
    for path in hidden:
        flags = sealed & ~MS_RDONLY if path in covering else sealed
        _mount_tmpfs(libc, path, flags, "size=64k,mode=0755")
    if kept is not None:
        os.makedirs(stdlib, mode=0o755, exist_ok=True)
        _mount(libc, f"/proc/self/fd/{kept}", stdlib, MS_BIND)
        _mount(libc, None, stdlib, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(kept)
        site = os.path.join(stdlib, "site-packages")
        if os.path.isdir(site):
            _mount_tmpfs(libc, site, sealed, "size=4k,mode=0755")
        for path in covering:
            _mount(libc, None, path, MS_REMOUNT | sealed, "size=64k,mode=0755")
    _mount_tmpfs(libc, SANDBOX_TMP, MS_NOSUID | MS_NODEV | MS_NOEXEC, job["tmp_options"])
    os.mkdir(SANDBOX_WORKDIR, 0o700)
    if job["uid"] is not None:
        os.chown(SANDBOX_WORKDIR, job["uid"], job["gid"])


def _mount(libc, source, target, flags, options=None):
    encoded = [None if v is None else v.encode() for v in (source, target, options)]
    if libc.mount(encoded[0], encoded[1], None, flags, encoded[2]) != 0:
        import ctypes

        number = ctypes.get_errno()
        raise OSError(number, f"mount {source} on {target}: {os.strerror(number)}")


def _kill_sandboxed(job, runner_pid):
    """End every process the submission may have started."""
    if job["namespace"]:
        _signal(-1)  # PID 1 of its own namespace: only sandbox processes
    elif job["uid"] is not None:
        helper = os.fork()
        if helper == 0:
            try:
                os.setgid(job["gid"])
                os.setuid(job["uid"])
                os.kill(-1, signal.SIGKILL)  # every process of this one-run user id
            finally:
                os._exit(0)
        os.waitpid(helper, 0)
    else:
        _signal(-runner_pid)  # its process group; grandchildren that left it survive
    _reap()


def _signal(target):
    """SIGKILL ``target`` (``os.kill`` semantics); False when there was nothing to signal."""
    try:
        os.kill(target, signal.SIGKILL)
    except OSError:
        return False
    return True


def _reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


class _Supervisor:
    def __init__(self, job):
        self.job = job
        self.results = [None] * len(job["calls"])
        self.output = bytearray()
        self.deadline = time.monotonic() + job["total_timeout"]
        self.runner_exits = []

    def run(self):
        start = 0
        while start < len(self.results) and time.monotonic() < self.deadline:
            start = self._run_runner(start)
        for index, result in enumerate(self.results):
            if result is None:
                self.results[index] = ["timeout", ""]
        return {
            "results": self.results,
            "output": self.output.decode("utf-8", "replace"),
            "runner_exits": self.runner_exits,
        }

    def _run_runner(self, start):
        """One runner from test ``start``; returns the first test it did not settle."""
        report_r, report_w = os.pipe()
        output_r, output_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(report_r)
            os.close(output_r)
            _runner(self.job, start, report_w, output_w)
        os.close(report_w)
        os.close(output_w)
        index, reason = self._collect(start, report_r, output_r)
        _kill_sandboxed(self.job, pid)
        self._drain(output_r)
        os.close(report_r)
        os.close(output_r)
        self.runner_exits.append(reason)
        if index < len(self.results) and self.results[index] is None:
            status = "timeout" if reason == "timeout" else "error"
            self.results[index] = [status, reason]
            index += 1
        return index

    def _collect(self, index, report_r, output_r):
        job = self.job
        buffer = bytearray()
        test_deadline = time.monotonic() + job["load_timeout"] + job["test_timeout"]
        poller = select.poll()
        poller.register(report_r, select.POLLIN)
        poller.register(output_r, select.POLLIN)
        open_fds = {report_r, output_r}
        ready = False
        while report_r in open_fds and index < len(self.results):
            now = time.monotonic()
            wait = min(test_deadline, self.deadline) - now
            if wait <= 0:
                return index, "timeout"
            for fd, _ in poller.poll(wait * 1000):
                chunk = os.read(fd, 65536)
                if not chunk:
                    poller.unregister(fd)
                    open_fds.discard(fd)
                elif fd == output_r:
                    room = job["output_limit"] - len(self.output)
                    self.output += chunk[: max(room, 0)]
                else:
                    buffer += chunk
            while b"\n" in buffer:
                line, _, rest = bytes(buffer).partition(b"\n")
                buffer = bytearray(rest)
                if not ready:
                    ready = self._check_ready(line)
                    continue
                settled = self._accept(index, line)
                if settled == "load_error":
                    return len(self.results), "load error"
                if settled:
                    index += 1
                    test_deadline = time.monotonic() + job["test_timeout"]
            if len(buffer) > job["value_limit"] + 256:
                self.results[index] = ["error", "return value too large"]
                return index + 1, "oversized report"
        if not ready:
            raise RuntimeError("the runner ended before its set-up finished")
        if index >= len(self.results):
            return index, "finished"
        return index, "runner exited"

    @staticmethod
    def _check_ready(line):
        """The runner's first line, written before any untrusted code runs."""
        parts = line.decode("utf-8", "replace").split("\t", 2)
        if parts[:2] == ["-1", "ready"]:
            return True
        raise RuntimeError(f"runner set-up failed: {parts[-1][:300]}")

    def _accept(self, index, line):
        """Record the runner's line for test ``index``; lines for other tests are ignored."""
        parts = line.decode("utf-8", "replace").split("\t", 2)
        if len(parts) != 3 or parts[0] != str(index):
            return False
        kind, text = parts[1], parts[2]
        if kind == "load_error":
            for later in range(index, len(self.results)):
                self.results[later] = ["error", f"submission failed to load: {text}"[:200]]
            return "load_error"
        if kind not in ("value", "raised", "error"):
            return False
        self.results[index] = [kind, text[: self.job["value_limit"]]]
        return True

    def _drain(self, output_r):
        os.set_blocking(output_r, False)
        try:
            while len(self.output) < self.job["output_limit"]:
                chunk = os.read(output_r, 65536)
                if not chunk:
                    return
                self.output += chunk[: self.job["output_limit"] - len(self.output)]
        except BlockingIOError:
            return


def _try_import(module):
    """Import ``module`` if this interpreter has it (a missing one fails the submission later)."""
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main():
    job = marshal.loads(sys.stdin.buffer.read(MAX_JOB_BYTES))  # from the trusted parent
    os.close(0)
    nonce = job.pop("nonce")
    try:
        for module in job["preload"]:  # before hiding paths: the library may live under them
            _try_import(module)
        _prepare_filesystem(job)
        report = _Supervisor(job).run()
    except Exception as error:
        report = {"fatal": f"{type(error).__name__}: {error}"}
    _write_all(1, f"{nonce} {to_json(report)}\n".encode("utf-8", "backslashreplace"))


if __name__ == "__main__":
    main()
