"""`etiquette package-teams`: fill the Teams manifest template and zip it with its icons."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

MANIFEST_DIR = Path(__file__).resolve().parent.parent / "manifests" / "teams"
_PLACEHOLDER = re.compile(r"\$\{\{([A-Z_]+)\}\}")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def filled_manifest(values: dict[str, str], template_dir: Path = MANIFEST_DIR) -> dict:
    """The manifest with every `${{NAME}}` replaced; a missing or malformed value is an error."""
    if not _GUID.match(values.get("MICROSOFT_APP_ID", "")):
        raise ValueError("the app id (--app-id or MICROSOFT_APP_ID) must be the Azure Bot's app id (a GUID)")
    domain = values.get("BOT_DOMAIN", "")
    if not domain or "/" in domain or ":" in domain:
        raise ValueError("the domain (--domain or BOT_DOMAIN) must be the bot's public host name alone, "
                         "e.g. etiquette.example.com (no https://, no path)")

    def fill(match: re.Match) -> str:
        return values[match.group(1)]

    return json.loads(_PLACEHOLDER.sub(fill, (template_dir / "manifest.json").read_text()))


def build_package(values: dict[str, str], out: Path, template_dir: Path = MANIFEST_DIR) -> Path:
    manifest = filled_manifest(values, template_dir)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2))
        for icon in ("color.png", "outline.png"):
            package.write(template_dir / icon, icon)
    return out
