"""Headless Chromium (Debian's `chromium` + `chromium-driver`) on the Agents Playground's page, as a person uses it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--window-size=1400,1400")


def chromium_or_skip() -> tuple[str, str]:
    """The browser and its driver; skipped when absent, except on CI, where the browser test must run."""
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if browser and driver and importlib.util.find_spec("selenium"):
        return browser, driver
    if os.environ.get("CI"):
        pytest.fail("chromium, chromium-driver and selenium are required on CI (.ci/run and the test extra)")
    pytest.skip("needs chromium and chromium-driver (apt-get) and selenium (pip install -e '.[test]')")


@contextmanager
def chromium(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium through Selenium, with its profile under `tmp_path`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = chromium_or_skip()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(argument)
    session = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield session
    finally:
        session.quit()


def wait_for(check: Callable[[], Any], timeout: float = 30.0, interval: float = 0.2) -> Any:
    """Poll `check` (in the browser's thread) until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            if not found:
                raise TimeoutError("the page never showed what the test waited for")
            return found
        time.sleep(interval)


def open_chat(session: Any, url: str, chat: str = "Personal Chat") -> None:
    """Load the page, wait until it has installed the bot (its log says so), then open `chat`."""
    from selenium.webdriver.common.by import By

    session.get(url)
    wait_for(lambda: "conversationUpdate" in session.find_element(By.TAG_NAME, "body").text, timeout=60)
    switch_chat(session, chat)


def switch_chat(session: Any, chat: str) -> None:
    """Open another chat or channel from the page's list, as a person clicks it (the page is not reloaded)."""
    from selenium.webdriver.common.by import By

    wait_for(lambda: [e for e in session.find_elements(By.XPATH, f"//*[text()='{chat}']") if e.is_displayed()])[0].click()


def send(session: Any, text: str) -> None:
    """Type `text` in the chat's compose box and press Enter."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = wait_for(lambda: [e for e in session.find_elements(By.CSS_SELECTOR, "[contenteditable='true']")
                            if e.is_displayed()])[0]
    box.click()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def _type_with_mention(session: Any, box: Any, text: str, mention: str) -> None:
    """Type `@` and the first word of `mention`, pick it from the page's people picker (the way a person
    mentions someone), then type `text` after it."""
    from selenium.webdriver.common.by import By

    box.click()
    box.send_keys("@" + mention.split()[0])
    wait_for(lambda: [e for e in session.find_elements(By.CSS_SELECTOR, "[role='menuitem']")
                      if e.is_displayed() and e.text == mention])[0].click()
    box.send_keys(" " + text)


def post(session: Any, text: str, mention: str) -> None:
    """In an open channel: start a new post that @-mentions `mention`, and press Post.

    The Playground hands a channel message to the bot only when it mentions the bot."""
    from selenium.webdriver.common.by import By

    start = wait_for(lambda: [e for e in session.find_elements(By.CSS_SELECTOR, "[contenteditable='true'][role='textbox']")
                              if e.is_displayed()])[0]  # "Start a new post", above the posts
    _type_with_mention(session, start, text, mention)
    session.find_element(By.XPATH, "//button[normalize-space()='Post']").click()


def reply(session: Any, thread: str, text: str, mention: str) -> None:
    """In an open channel: reply in the thread of the post that says `thread`, @-mentioning `mention`, and
    press Enter (a post's reply box is the first compose box after its text)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = wait_for(lambda: session.find_elements(
        By.XPATH, f"//*[contains(text(), '{thread}')]/following::*[@contenteditable='true' and @role='textbox']"))[0]
    _type_with_mention(session, box, text, mention)
    box.send_keys(Keys.ENTER)


def card_lines(session: Any) -> list[tuple[str, int]]:
    """Every Adaptive Card text block on the page, with where it is drawn (its top, in pixels)."""
    from selenium.webdriver.common.by import By

    return [(element.text, element.location["y"]) for element in session.find_elements(By.CSS_SELECTOR, ".ac-textBlock")]


def page_text(session: Any) -> str:
    from selenium.webdriver.common.by import By

    return session.find_element(By.TAG_NAME, "body").text


def visible_buttons(session: Any, label: str) -> list[Any]:
    """The card buttons titled `label` a person can see."""
    from selenium.webdriver.common.by import By

    return [b for b in session.find_elements(By.XPATH, f"//button[normalize-space()='{label}']") if b.is_displayed()]


def press(session: Any, label: str) -> None:
    """Click the last visible card button titled `label` (the newest card's)."""
    wait_for(lambda: visible_buttons(session, label))[-1].click()


def source_links(session: Any) -> list[str]:
    """Where the cards' "source" links point."""
    from selenium.webdriver.common.by import By

    return [a.get_attribute("href") for a in session.find_elements(By.XPATH, "//a[normalize-space()='source']")]
