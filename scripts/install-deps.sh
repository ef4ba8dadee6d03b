#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test Teamstead:
# Debian packages (WebKitGTK and friends for Tauri, Xvfb and WebKitWebDriver for the
# desktop tests), the UI's npm packages, and tauri-driver. Each step is skipped when
# its result is already there, so `make run` and `make test` stay fast.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev librsvg2-dev
  webkit2gtk-driver xvfb xauth dbus dbus-x11
  libdbus-1-dev gnome-keyring libsecret-tools xdg-utils
  nodejs npm
  python3 python3-venv
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "error: installing Debian packages needs root; run this as root or install sudo." >&2
    exit 1
  fi
}

# major.minor of a version string such as v20.19.1 or 1.89.0
version_at_least() {
  local have="${1#v}" want="$2"
  [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  # nodejs/npm may come from outside apt (the machine image ships Node 20).
  if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
  if [ "$pkg" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

RUST_MIN=1.89.0
if ! command -v cargo >/dev/null; then
  echo "error: cargo is missing. Install the Rust toolchain $RUST_MIN or newer (rustup) and run this again." >&2
  exit 1
fi
rust_version=$(rustc --version | awk '{print $2}')
if ! version_at_least "$rust_version" "$RUST_MIN"; then
  echo "error: Rust $rust_version is too old; Teamstead needs $RUST_MIN or newer (rustup update)." >&2
  exit 1
fi

# Vite 8 needs Node 20.19 or newer; Debian 12's own nodejs is 18.
NODE_MIN=20.19.0
node_version=$(node --version 2>/dev/null || echo v0)
if ! version_at_least "$node_version" "$NODE_MIN"; then
  echo "error: Node.js $node_version is too old for the UI build; install Node.js $NODE_MIN or newer." >&2
  exit 1
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "Installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

# The reference automerge-repo peers for the interop tests. `npm install`, not
# `npm ci`: the registry here lacks cbor-x's optional native builds, so the lock
# file leaves them out and `npm ci` would call it out of sync (the plain-JS
# encoder is used instead).
if [ ! -f tests/interop/node_modules/.package-lock.json ] || [ tests/interop/package-lock.json -nt tests/interop/node_modules/.package-lock.json ]; then
  say "Installing the interop tests' npm packages (automerge-repo)"
  (cd tests/interop && npm install --no-audit --no-fund --loglevel=error)
fi

# localstripe, the stateful fake Stripe the billing tests start, in a virtual
# environment of the tests' own.
LOCALSTRIPE_VERSION=1.15.10
if [ ! -x tests/.venv/bin/localstripe ]; then
  say "Installing localstripe $LOCALSTRIPE_VERSION (a fake Stripe for the billing tests)"
  python3 -m venv tests/.venv
  tests/.venv/bin/pip install --quiet --disable-pip-version-check "localstripe==$LOCALSTRIPE_VERSION"
fi

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! command -v tauri-driver >/dev/null && [ ! -x "$CARGO_BIN/tauri-driver" ]; then
  say "Installing tauri-driver (the WebDriver bridge for the desktop tests)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
