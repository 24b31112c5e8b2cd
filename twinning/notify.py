"""LISTEN, UNLISTEN, NOTIFY and pg_notify, as PostgreSQL 15 runs them.

`Channels` (one per engine) knows which sessions listen on which channel.
Each session has a `Listener`: what it listens to, the LISTEN/UNLISTEN/
NOTIFY actions of its open transaction, and the notifications that reached
it and are not sent yet.

- The actions take effect when the transaction commits (a rollback, or a
  rollback to a savepoint taken before them, drops them); a transaction's
  duplicate notifications (same channel and payload) are sent once, in
  the order first sent.
- At commit, each notification goes to every session then listening on
  its channel, the sender included, as a NotificationResponse naming the
  sender's process id.
- A session receives notifications only outside a transaction block, as
  PostgreSQL delivers them: one that is idle gets them at once (`push`,
  installed by the server, writes to its socket from the committing
  session's thread); one that is running a statement or is inside a block
  gets them just before its next ReadyForQuery outside a block
  (`Listener.take`, from the session's reports).

The idle/busy transitions and pushes share one lock per listener, so a
push never interleaves with the connection thread's own output.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from twinning.errors import invalid_parameter_value
from twinning.wire.messages import NotificationResponse

__all__ = ["Channels", "Listener", "check_notification"]

NAMEDATALEN = 64
MAX_PAYLOAD = 8000  # NOTIFY_PAYLOAD_MAX_LENGTH (BLCKSZ - NAMEDATALEN - 128)


def check_notification(channel: str | None, payload: str | None) -> None:
    """Async_Notify()'s checks on a channel name and payload."""
    if not channel:
        raise invalid_parameter_value("channel name cannot be empty")
    if len(channel.encode()) >= NAMEDATALEN:
        raise invalid_parameter_value("channel name too long")
    if payload is not None and len(payload.encode()) >= MAX_PAYLOAD:
        raise invalid_parameter_value("payload string too long")


class Channels:
    """Which listeners listen on which channel (shared by the sessions)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: dict[str, set[Listener]] = {}

    def update(self, listener: Listener, listen: set[str],
               unlisten: set[str]) -> None:
        with self._lock:
            for channel in unlisten:
                found = self._listeners.get(channel)
                if found is not None:
                    found.discard(listener)
                    if not found:
                        del self._listeners[channel]
            for channel in listen:
                self._listeners.setdefault(channel, set()).add(listener)

    def publish(self, pid: int, notes: list[tuple[str, str]]) -> None:
        for channel, payload in notes:
            with self._lock:
                targets = list(self._listeners.get(channel, ()))
            message = NotificationResponse(pid, channel, payload).encode()
            for listener in targets:
                listener.deliver(message)


class Listener:
    """One session's side of LISTEN/NOTIFY (see the module docstring)."""

    def __init__(self, channels: Channels,
                 in_transaction: Callable[[], bool]) -> None:
        self._channels = channels
        self._in_transaction = in_transaction
        self.listening: set[str] = set()  # committed
        self._actions: list[tuple[str, str | None, str]] = []  # open transaction
        self._lock = threading.Lock()
        self._inbox: list[bytes] = []
        self._idle = False
        self.push: Callable[[bytes], None] | None = None  # the server's

    # -- the open transaction
    def listen(self, channel: str) -> None:
        self._actions.append(("listen", channel, ""))

    def unlisten(self, channel: str | None) -> None:
        self._actions.append(("unlisten", channel, ""))

    def notify(self, channel: str, payload: str) -> None:
        check_notification(channel, payload)
        self._actions.append(("notify", channel, payload))

    def mark(self) -> int:
        return len(self._actions)

    def rollback_to(self, mark: int) -> None:
        del self._actions[mark:]

    def commit(self, pid: int) -> None:
        actions, self._actions = self._actions, []
        listen, unlisten = set(), set()
        notes: dict[tuple[str, str], None] = {}
        for op, channel, payload in actions:
            if op == "notify":
                notes[(channel, payload)] = None
            elif op == "listen":
                self.listening.add(channel)
                listen.add(channel)
                unlisten.discard(channel)
            else:
                gone = set(self.listening) if channel is None else {channel}
                self.listening -= gone
                unlisten |= gone
                listen -= gone
        if listen or unlisten:
            self._channels.update(self, listen, unlisten)
        if notes:
            self._channels.publish(pid, list(notes))

    def close(self) -> None:
        """The session ends: it listens to nothing any more."""
        self._actions.clear()
        self._channels.update(self, set(), set(self.listening))
        self.listening.clear()

    # -- delivery
    def deliver(self, message: bytes) -> None:
        with self._lock:
            push = self.push
            if self._idle and push is not None:
                try:
                    push(message)
                except OSError:
                    pass  # the client is gone; its thread will notice
            else:
                self._inbox.append(message)

    def take(self) -> bytes:
        """The notifications waiting, for output before ReadyForQuery
        (the caller is outside a transaction block)."""
        with self._lock:
            waiting, self._inbox = self._inbox, []
        return b"".join(waiting)

    def set_busy(self, busy: bool) -> None:
        """The connection thread starts (True) or has finished (False)
        handling input; idle outside a block, what waits goes out now."""
        with self._lock:
            self._idle = not busy and not self._in_transaction()
            if self._idle and self._inbox and self.push is not None:
                waiting, self._inbox = self._inbox, []
                try:
                    self.push(b"".join(waiting))
                except OSError:
                    pass
