"""Playwright driving Debian's chromium, headless. Skips with a clear message
where chromium is missing; CI installs it and turns any skip into a failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# made by the test itself (fixtures) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(
            f"chromium not found at {CHROMIUM}: install Debian's 'chromium' package "
            "(or set HAVEN_CHROMIUM) to run the browser tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.skip(
            "axe-core not found: run 'npm install --no-save axe-core@4.14.1' in the "
            "repository to run the accessibility checks"
        )
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, axe_source: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Run axe-core in the page; return serious and critical violations."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
