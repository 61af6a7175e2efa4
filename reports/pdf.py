"""PDF from the HTML report, printed by headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from storage.errors import PresswatchError

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-pdf-header-footer",
)


def find_chromium(path: str | None = None) -> str:
    found = path or (CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"))
    if not found or not Path(found).exists():
        raise PresswatchError(
            "chromium not found (install Debian chromium) — needed for --format pdf"
        )
    return found


def html_to_pdf(html: str, output: Path, chromium: str | None = None, timeout: float = 120) -> Path:
    """Print ``html`` to ``output`` as PDF; raises PresswatchError when Chromium fails."""
    binary = find_chromium(chromium)
    with tempfile.TemporaryDirectory(prefix="presswatch-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        cmd = [
            binary,
            *FLAGS,
            f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={output.resolve()}",
            page.as_uri(),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or not output.exists() or output.stat().st_size == 0:
        raise PresswatchError(f"chromium could not print the PDF: {done.stderr.strip()[-300:]}")
    return output
