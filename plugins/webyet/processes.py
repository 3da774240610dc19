"""Child processes that never outlive webyet."""

from __future__ import annotations

import contextlib
import ctypes
import signal


def die_with_parent() -> None:
    """A `preexec_fn`: ask Linux to send the child SIGTERM when its parent dies, so a server or
    a cargo run is never left behind, even when webyet is killed outright."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
