"""Find a source's files: the mirror first, then the download cache, then the network.

Every file is checked against its declared sha256 before it is used. Downloads stream to a
temporary file beside the cache entry, resume with an HTTP ``Range`` request when the
connection drops, and are moved into place only once the digest matches, so an interrupted
or corrupted transfer leaves nothing behind.

``DETENTE_MIRROR`` may be a folder or an ``http(s)://`` base address laid out the same way
(an organisation's internal copy of the data, for air-gapped networks).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx

from detente._errors import ChecksumMismatch, DownloadError, SourceError
from detente._settings import Settings, get_settings
from detente.sources._declare import Source, SourceFile

Progress = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes or None) while a file downloads."""

_CHUNK = 1 << 16
_ATTEMPTS = 4


def file_sha256(path: Path, *, gunzip: bool = False) -> str:
    """sha256 of a file's bytes (of its decompressed content when ``gunzip``)."""
    digest = hashlib.sha256()
    opener = gzip.open if gunzip else open
    with opener(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify(path: Path, spec: SourceFile) -> None:
    """Raise :class:`ChecksumMismatch` unless ``path`` holds the content ``spec`` names."""
    gunzip = path.name.endswith(".gz") and spec.mirror_is_gzip_container
    actual = file_sha256(path, gunzip=gunzip)
    if actual != spec.sha256:
        raise ChecksumMismatch(str(path), spec.sha256, actual)


def _mirror(settings: Settings) -> str | None:
    return settings.mirror or None


def locate(
    source: Source,
    *,
    settings: Settings | None = None,
    progress: Callable[[SourceFile], Progress | None] | None = None,
) -> dict[str, Path]:
    """Return a verified local path for every file of ``source``.

    Order: the mirror folder (``DETENTE_MIRROR``), then the download cache, then a download
    from the mirror address (when the mirror is a URL) or from the file's declared origin.
    """
    settings = settings or get_settings()
    mirror = _mirror(settings)
    found: dict[str, Path] = {}
    for spec in source.files:
        found[spec.name] = _locate_one(source, spec, mirror, settings, progress)
    return found


def _locate_one(
    source: Source,
    spec: SourceFile,
    mirror: str | None,
    settings: Settings,
    progress: Callable[[SourceFile], Progress | None] | None,
) -> Path:
    remote_mirror = mirror is not None and mirror.startswith(("http://", "https://"))
    if mirror is not None and not remote_mirror:
        candidate = Path(mirror) / spec.path
        if candidate.exists():
            verify(candidate, spec)
            return candidate
    cached = settings.cache / source.id / source.version / spec.path
    if cached.exists():
        verify(cached, spec)
        return cached
    url = f"{mirror.rstrip('/')}/{spec.path}" if remote_mirror and mirror else spec.url
    on_bytes = progress(spec) if progress else None
    download(url, cached, spec, progress=on_bytes)
    return cached


def download(url: str, dest: Path, spec: SourceFile, *, progress: Progress | None = None,
             timeout: float = 60.0) -> Path:
    """Stream ``url`` to ``dest``; resume on a dropped connection; keep it only if it verifies.

    Raises :class:`DownloadError` when the transfer cannot be completed after a few attempts,
    and :class:`ChecksumMismatch` when the completed file is not the declared content. In both
    cases nothing is left at ``dest``.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _transfer(url, tmp, progress, timeout)
        try:
            verify(tmp, spec)
        except ChecksumMismatch as exc:
            raise ChecksumMismatch(url, exc.expected, exc.actual) from None
        os.replace(tmp, dest)
        return dest
    finally:
        tmp.unlink(missing_ok=True)


def _transfer(url: str, tmp: Path, progress: Progress | None, timeout: float) -> None:
    received = 0
    total: int | None = None
    last_error: Exception | None = None
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for _attempt in range(_ATTEMPTS):
            headers = {"Range": f"bytes={received}-"} if received else {}
            try:
                with client.stream("GET", url, headers=headers) as response:
                    if response.status_code == 404:
                        raise DownloadError(f"{url}: not found (HTTP 404)")
                    if response.status_code >= 400:
                        raise DownloadError(f"{url}: HTTP {response.status_code}")
                    resumed = received > 0 and response.status_code == 206
                    if not resumed:
                        received = 0
                    length = response.headers.get("Content-Length")
                    if length is not None:
                        total = received + int(length)
                    with open(tmp, "ab" if resumed else "wb") as out:
                        for chunk in response.iter_bytes(_CHUNK):
                            out.write(chunk)
                            received += len(chunk)
                            if progress:
                                progress(received, total)
                if total is not None and received < total:
                    raise httpx.RemoteProtocolError(
                        f"connection closed after {received} of {total} bytes"
                    )
                return
            except DownloadError:
                raise
            except (httpx.TransportError, OSError) as exc:
                last_error = exc
                continue
    raise DownloadError(
        f"{url}: transfer failed after {_ATTEMPTS} attempts ({received} bytes received): "
        f"{last_error}"
    )


def describe_location(source: Source, spec: SourceFile, settings: Settings | None = None) -> str:
    """Where ``spec`` would be read from, for messages and ``detente data list``."""
    settings = settings or get_settings()
    mirror = _mirror(settings)
    if mirror and not mirror.startswith(("http://", "https://")):
        if (Path(mirror) / spec.path).exists():
            return str(Path(mirror) / spec.path)
    cached = settings.cache / source.id / source.version / spec.path
    if cached.exists():
        return str(cached)
    return spec.url if not mirror else f"{mirror.rstrip('/')}/{spec.path}"


__all__ = ["download", "file_sha256", "locate", "verify", "describe_location", "SourceError"]
