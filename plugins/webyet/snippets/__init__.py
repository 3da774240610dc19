"""Compile-checking the site's Rust snippets against real crates.

Markdown (and `.rs` files) → regions (`extract`) → wrapped units (`wrap`) → profile batches
(`profiles`) → one cargo run per profile (`cargo`) → results, cached (`cache`) → reports (`report`).
`check` runs the pipeline; no step reaches back.
"""
