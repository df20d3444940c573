"""Process memory: resident set size, and returning freed heap memory to the system.

On Linux, glibc keeps memory that PyTorch frees on CPU in its arenas; with tensors of a new shape
every step (conversations grow and differ in length), the resident size of a training process
creeps up step after step although nothing is leaked. ``release_memory`` collects garbage and
asks glibc to return free arena pages (``malloc_trim``), which keeps the resident size flat.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
import resource

import torch


def rss_mb() -> float:
    """The resident set size of this process now, in MiB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """The highest resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Start a new peak: Linux resets the high-water mark on ``5`` to ``clear_refs``."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def window_peak_rss_mb() -> float:
    """The highest resident size since the last ``reset_peak_rss`` (``VmHWM``), in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


@functools.cache
def _libc():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    libc = ctypes.CDLL(name)
    return libc if hasattr(libc, "malloc_trim") else None


def release_memory() -> None:
    """Free what is unreachable and hand free heap pages back (glibc; a no-op elsewhere)."""
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
