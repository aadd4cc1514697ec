#!/usr/bin/env bash
# Batch re-coding benchmark: builds, starts a private Azurite (ports 10120-10122, data in
# .run/batch-bench-azurite, removed afterwards) and a local runner of its own (port
# BATCH_BENCH_PORT, default 7191, task hub "batchbench"), then runs bench/Workflow.BatchBench: it seeds
# BATCH_BENCH_COUNT (default 1000) completed recordings of generated de-identified transcripts of
# about BATCH_BENCH_WORDS (default 6000) words into storage, and times two study batches that re-code
# them (coders never in the loop): one over the first BATCH_BENCH_SMALL (default 100), one over all.
# It prints each batch's duration and throughput and the ratio of the two, and exits non-zero when
# the ratio exceeds 1.1 x COUNT/SMALL (linear scaling with 10% slack).
#   scripts/batch-bench.sh [--no-build] [--table-scan-probe] [--in-memory-azurite]
# --in-memory-azurite runs the private Azurite with --inMemoryPersistence, to tell the product's
# scaling apart from the emulator rewriting its whole table database file as the study grows.
# --table-scan-probe measures instead how the private Azurite's one-partition table query time grows
# with the rows in other partitions (1,000 / 10,000 / 40,000): the cause of non-linear batches here.
source "$(dirname "$0")/common.sh"
PORT="${BATCH_BENCH_PORT:-7191}"
RUNNER_DLL="${BATCH_BENCH_RUNNER_DLL:-$ROOT/functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll}"
# A copy of the binaries (BATCH_BENCH_RUNNER_DLL, BATCH_BENCH_DLL) lets a long run go on while the tree is rebuilt.
BENCH_DLL="${BATCH_BENCH_DLL:-$ROOT/bench/Workflow.BatchBench/bin/Release/net10.0/Workflow.BatchBench.dll}"

ensure_dotnet
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  log "Building (Release)"
  dotnet build "$ROOT/Workflow.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
fi
mkdir -p "$RUN_DIR"
port_open "$PORT" && die "port $PORT is in use; set BATCH_BENCH_PORT"
stop_all() {
  stop_run_runner batch-bench "$PORT"
  stop_private_azurite batch-bench 10120
}
trap stop_all EXIT

[[ " $* " == *" --in-memory-azurite "* ]] && export PRIVATE_AZURITE_IN_MEMORY=1
STORAGE=$(start_private_azurite batch-bench 10120)
if [[ " $* " == *" --table-scan-probe "* ]]; then
  dotnet "$BENCH_DLL" --table-scan-probe --storage "$STORAGE"
  exit $?
fi
start_run_runner batch-bench "$PORT" "$STORAGE" "$RUNNER_DLL"
dotnet "$BENCH_DLL" \
  --api "http://127.0.0.1:$PORT/api" --storage "$STORAGE" --study "batch-bench-$(date +%Y%m%d%H%M%S)" \
  --count "${BATCH_BENCH_COUNT:-1000}" --small "${BATCH_BENCH_SMALL:-100}" --words "${BATCH_BENCH_WORDS:-6000}" \
  --codebook "$ROOT/samples/codebook.json"
