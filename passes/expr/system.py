"""The installed system catalog (`ir.system.SystemCatalog`).

`twinning.system_catalog.install()` puts it here, and its functions into
the runtime registry, before anything is typed (the engine and bootstrap
call it). Without it, naming a system relation or running a reg* cast is
an internal error, never a silent "does not exist".
"""

from __future__ import annotations

from twinning.ir.system import SystemCatalog

_INSTALLED: list[SystemCatalog] = []


def install(provider: SystemCatalog) -> None:
    _INSTALLED[:] = [provider]


def installed() -> SystemCatalog | None:
    return _INSTALLED[0] if _INSTALLED else None


def system_catalog() -> SystemCatalog:
    if not _INSTALLED:
        raise RuntimeError("no system catalog installed: call "
                           "twinning.system_catalog.install() first")
    return _INSTALLED[0]
