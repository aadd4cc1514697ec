#!/usr/bin/env bash
# De-identification quality on the development evaluation data (../shared/eval beside the repository,
# or WORKFLOW_EVAL_DIR): per-type recall, precision and F2 on the dev interviews under three study-list
# regimes and on Presidio's synthetic sentences, throughput on one thread, and what each detector adds.
# Exits 2 when the evaluation data is missing, 3 when the gazetteers are not installed (scripts/setup.sh).
source "$(dirname "$0")/common.sh"
ensure_dotnet
cd "$ROOT"
# One core, as the throughput target is stated for one.
DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release --project bench/Workflow.DeidEval -- "$@"
