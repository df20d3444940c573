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


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


def map_large_allocations(threshold_bytes: int = 1 << 20) -> bool:
    """Serve every allocation above ``threshold_bytes`` with its own mmap (glibc).

    glibc raises its mmap threshold as large blocks are freed (up to 32 MiB), after which the
    activations of every forward and backward pass come from the heap, where blocks of
    ever-changing sizes fragment it and the resident size swells past what is alive. A fixed
    threshold returns each large tensor's pages to the system when it is freed.
    """
    libc = _libc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, threshold_bytes))


def release_memory() -> None:
    """Free what is unreachable and hand free heap pages back (glibc; a no-op elsewhere)."""
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
