"""Which profile a snippet is checked with: the crates it names, and the profile that has them."""

from __future__ import annotations

from ..profiles import Profile
from .syntax import BUILTIN_ROOTS, declared_names, extern_crates, imported_names, path_roots, tokens


def crates_named(code: str) -> tuple[set[str], set[str]]:
    """(every crate the code may name, the ones it certainly names: `use` roots, `extern crate`,
    attribute paths such as `#[tokio::main]`). Local items, names a `use` brings in, tool
    attributes (`#[rustfmt::skip]`) and the standard library's crates are not crates."""
    toks = tokens(code)
    declared, imported = declared_names(toks), imported_names(toks)
    roots, strong = path_roots(toks)

    def crates(names: set[str], local: set[str]) -> set[str]:
        return {n for n in names if n[:1].islower()} - BUILTIN_ROOTS - local

    # A `use` root is a crate unless the snippet declares it (`mod handlers; use handlers::x`);
    # `use rstest::rstest` imports a name equal to its crate's, which stays a crate.
    sure = crates(strong, declared) | (extern_crates(toks) - BUILTIN_ROOTS)
    return crates(roots, declared | imported) | sure, sure


def choose_profile(code: str, wanted: str, profiles: dict[str, Profile]) -> tuple[Profile | None, str]:
    """The profile to check `code` with, or None and a message saying why there is none."""
    names = ", ".join(sorted(profiles)) or "none"
    if not profiles:
        return None, "no dependency profiles found (snippets/profiles/<name>/Cargo.toml)"
    if wanted:
        if wanted in profiles:
            return profiles[wanted], ""
        return None, f"no profile `{wanted}` (profiles: {names})"
    profiles = {name: p for name, p in profiles.items() if not p.previous}  # only when asked for
    roots, strong = crates_named(code)
    known = {c for p in profiles.values() for c in p.crates}
    needed = roots & known
    unknown = sorted(strong - known)
    if unknown:
        return None, (f"crate `{unknown[0]}` is in no profile (profiles: {names}); "
                      "add it to a profile's Cargo.toml")
    fits = [p for p in profiles.values() if needed <= set(p.crates)]
    if fits:
        return min(fits, key=lambda p: (p.rank, len(p.crates), p.name)), ""
    # Say which crate no profile with the others has.
    best = max(profiles.values(), key=lambda p: (len(needed & set(p.crates)), -len(p.crates)))
    missing = sorted(needed - set(best.crates))
    homes = {c: sorted(p.name for p in profiles.values() if c in p.crates) for c in sorted(needed)}
    where = "; ".join(f"{c} is in {', '.join(h)}" for c, h in homes.items())
    return None, (f"no single profile has {', '.join(sorted(needed))}: profile `{best.name}` lacks "
                  f"{', '.join(missing)} ({where}; profiles: {names})")
