#!/bin/sh
# Builds cargo_pairs.rs against the `semver` crate from Debian's registry (apt-get install -y librust-semver-dev;
# no network) in a throw-away project and writes cargo-pairs.tsv and cargo-valid.tsv next to this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
semver=$(ls -d /usr/share/cargo/registry/semver-1.* | sort -V | tail -1)
mkdir -p "$work/src" "$work/.cargo"
cp "$here/cargo_pairs.rs" "$work/src/main.rs"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "cargo-pairs"
version = "0.0.0"
edition = "2021"
[dependencies]
semver = "=${semver##*semver-}"
TOML
cat > "$work/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
TOML
(cd "$work" && cargo run --quiet --offline -- "$here")
echo "semver ${semver##*semver-}" >&2
