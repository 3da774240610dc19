"""The fence info-string grammar, compatible with rustdoc and mdBook.

```rust,compile_fail,E0382``` or ```rust ignore reason="needs a running database"```:
tokens are separated by commas or spaces; `key=value` and `key="quoted value"` are attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Tokens rustdoc or mdBook understand that change nothing for a compile check.
_INERT = {"editable", "noplayground", "mdbook-runnable", "should_panic", "test_harness",
          "standalone_crate", "allow_fail"}
# Options of pymdownx.highlight (this site's code blocks): shown, never part of the check.
_HIGHLIGHT = {"title", "hl_lines", "linenums", "linenostart", "anchor_linenums"}
_TOKEN = re.compile(r"""\s*([^\s,="']+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s,]*)))?\s*,?""")
_ERROR_CODE = re.compile(r"E\d{4}")
_EDITION = re.compile(r"edition(20\d\d)")
EDITIONS = ("2015", "2018", "2021", "2024")


@dataclass(frozen=True)
class FenceInfo:
    """What a fence's info string asks for."""

    is_rust: bool
    ignore: bool = False
    reason: str = ""  # why an `ignore` block is not checked (shown on the page)
    no_run: bool = False
    compile_fail: bool = False
    error_codes: tuple[str, ...] = ()  # `compile_fail,E0382,E0499`: the failure carries every one
    edition: str = "2024"
    profile: str = ""  # `profile=NAME` overrides the inferred dependency profile
    highlight: tuple[tuple[str, str], ...] = ()  # pymdownx.highlight options, kept for the page
    problems: tuple[str, ...] = field(default=())

    @property
    def expect(self) -> str:
        return "compile_fail" if self.compile_fail else "compile"

    def key(self) -> str:
        """The parts of the annotation that change a check's outcome (part of the cache key)."""
        return f"{self.expect}:{','.join(self.error_codes)}:{self.edition}:{self.profile}"


def parse_info(info: str) -> FenceInfo:
    """Parse a fence info string; a block is Rust when it says `rust` (or only rustdoc words)."""
    words: list[str] = []
    attrs: dict[str, str] = {}
    text = info.strip().strip("{}").strip()
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            pos += 1  # stray quote or `=`: skip it rather than loop
            continue
        pos = match.end()
        raw = match.group(1)
        value = next((g for g in match.groups()[1:] if g is not None), None)
        if raw.startswith(("#", ".")) and words:
            continue  # attribute-list classes and ids after the language: `{.rust .numberLines}`
        name = raw.lstrip(".")  # `{.rust}` attribute-list style
        if value is None:
            words.append(name)
        else:
            attrs[name] = value
    if not words or (words[0] != "rust" and not set(words) <= _rustdoc_words(words)):
        return FenceInfo(is_rust=False)
    problems: list[str] = []
    edition, codes = "2024", []
    for word in words[1:] if words[0] == "rust" else words:
        if (m := _EDITION.fullmatch(word)) and m.group(1) in EDITIONS:
            edition = m.group(1)
        elif _ERROR_CODE.fullmatch(word):
            codes.append(word)
        elif word not in {"ignore", "no_run", "compile_fail", "rust"} and word not in _INERT \
                and not word.startswith("ignore-"):
            problems.append(f"unknown fence attribute `{word}`")
    for name in attrs:
        if name not in {"reason", "profile", "edition"} | _HIGHLIGHT:
            problems.append(f"unknown fence attribute `{name}=`")
    if "edition" in attrs:
        if attrs["edition"] in EDITIONS:
            edition = attrs["edition"]
        else:
            problems.append(f"unknown edition `{attrs['edition']}` (one of {', '.join(EDITIONS)})")
    ignore = "ignore" in words
    reason = attrs.get("reason", "").strip()
    if ignore and not reason:
        problems.append('`ignore` needs a stated reason: ```rust,ignore,reason="…"```')
    compile_fail = "compile_fail" in words
    if codes and not compile_fail:
        problems.append(f"error code {codes[0]} given without `compile_fail`")
    return FenceInfo(is_rust=True, ignore=ignore, reason=reason, no_run="no_run" in words,
                     compile_fail=compile_fail, error_codes=tuple(codes), edition=edition,
                     profile=attrs.get("profile", ""),
                     highlight=tuple((k, v) for k, v in attrs.items() if k in _HIGHLIGHT),
                     problems=tuple(problems))


def _rustdoc_words(words: list[str]) -> set[str]:
    """Words that make an untagged fence Rust for rustdoc (```ignore, ```compile_fail,E0382)."""
    known = {"ignore", "no_run", "compile_fail", *_INERT}
    known.update(w for w in words if _ERROR_CODE.fullmatch(w) or _EDITION.fullmatch(w))
    return known
