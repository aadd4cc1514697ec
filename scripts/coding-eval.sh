#!/usr/bin/env bash
# First-pass coding quality on the development evaluation data (../shared/eval beside the repository,
# or WORKFLOW_EVAL_DIR): per-code precision, recall, F1, Cohen's kappa and Gwet's AC1, micro and macro
# averages, for each coding engine, on the dev interviews and the NHS patient-experience comments.
# Arguments: --engines keywords,semantic,ensemble --sets interviews,nhs --per-code --throughput 10000 --learning-curve --out FILE.md
# Exits 2 when the evaluation data is missing.
source "$(dirname "$0")/common.sh"
ensure_dotnet
cd "$ROOT"
dotnet run -c Release --project bench/Workflow.CodingEval -- "$@"
