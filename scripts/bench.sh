#!/usr/bin/env bash
# Benchmarks of the CPU-bound engines, reported as ratios against naive baselines in the same
# process (BenchmarkDotNet). Arguments go to BenchmarkDotNet, e.g. --filter '*Deidentification*'
# or --job short for a quick run. Results land in BenchmarkDotNet.Artifacts/.
source "$(dirname "$0")/common.sh"
ensure_dotnet
cd "$ROOT"
dotnet run -c Release --project bench/Workflow.Benchmarks -- "${@:---filter *}"
