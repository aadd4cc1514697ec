#!/usr/bin/env bash
# Runs every test: installs what is missing, starts Azurite, builds, tests.
# Extra arguments go to 'dotnet test' (e.g. --filter FullyQualifiedName~Pseudonymizer).
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
start_azurite
log "Running tests"
# The in-memory Durable test host schedules work on the thread pool; more virtual processors keep
# its replay loop from starving on a 2-core machine (see ARCHITECTURE notes).
export DOTNET_PROCESSOR_COUNT="${DOTNET_PROCESSOR_COUNT:-16}"
export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}"
# One test project at a time (-m:1): on 2 cores the runner-based suites starve when the model and
# Bicep-compiler suites run beside them, and their pipelines then miss their timeouts.
# The full log goes to .run/test.log; the failures (name and message) are repeated at the end, because
# a CI log is often read from its tail and one suite's failure is otherwise far above it.
mkdir -p "$RUN_DIR"
TEST_LOG="$RUN_DIR/test.log"
status=0
dotnet test "$ROOT/Workflow.sln" -c Release --no-build -nologo -m:1 --logger "console;verbosity=normal" "$@" \
  2>&1 | tee "$TEST_LOG" || status=$?
if [ "$status" -ne 0 ]; then
  log "Failed tests (full log: $TEST_LOG)"
  grep -E -A 12 '^\s+Failed [A-Za-z]' "$TEST_LOG" | cut -c1-300 | head -150 || true
  grep -E '^(Failed!|Passed!)|Total tests|Failed: ' "$TEST_LOG" || true
fi
exit "$status"
