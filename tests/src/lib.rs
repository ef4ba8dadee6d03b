//! Helper programs for the workspace-level tests live in src/bin.
