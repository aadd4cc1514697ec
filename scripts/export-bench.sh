#!/usr/bin/env bash
# Times every export of a generated study (default 100 transcripts of about 6,000 words) and checks
# the .qdpx round trip and schema validity. Arguments go to the bench, e.g. --recordings 1000 --repeat 1.
source "$(dirname "$0")/common.sh"
ensure_dotnet
cd "$ROOT"
dotnet run -c Release --project bench/Workflow.ExportBench -- \
    --xsd tests/Workflow.Domain.Tests/Exports/Schemas/Project-mrt2019.xsd "$@"
