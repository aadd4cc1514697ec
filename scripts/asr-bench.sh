#!/usr/bin/env bash
# Transcription benchmark on this machine, no server: word error rate on Debian's pocketsphinx-testdata
# (LibriVox read speech), whole-file against parallel chunked decoding (wall time, speed-up, WER) on a
# synthesized interview, offline diarization (speaker count and DER) on synthesized multi-voice
# recordings, and listed names recognised before and after the study vocabulary. Every figure is printed
# by the measurement tests it runs; extra arguments go to 'dotnet test'. Takes 10-20 minutes on 2 cores.
source "$(dirname "$0")/common.sh"
APT_PACKAGES+=(pocketsphinx-testdata)
ensure_dotnet
ensure_apt_packages
ensure_vad_model
log "Building the engine tests (Release)"
dotnet build "$ROOT/tests/Workflow.Engines.Local.Tests" -c Release -nologo -v quiet -clp:ErrorsOnly
log "Measuring (WORKFLOW_MEASURE=1 runs the long measurements too)"
WORKFLOW_MEASURE=1 dotnet test "$ROOT/tests/Workflow.Engines.Local.Tests" -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ParallelDecodingMeasurement|FullyQualifiedName~DiarizationMeasurement|FullyQualifiedName~StudyVocabularyRecognition|FullyQualifiedName~LibriVoxWordErrorRate" \
  --logger "console;verbosity=detailed" "$@"
