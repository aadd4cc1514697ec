#!/usr/bin/env bash
# Peak memory and speed of offline transcription on a long recording, no server: synthesizes HOURS
# (default 2) of two-voice speech (espeak-ng through make-sample-audio.sh, one interview and one short
# script looped with sox), transcribes it with 'workflow transcribe' (the same engine pieces the hosts
# run as activities, in one process), and samples the command's own peak resident memory (VmHWM; the
# PocketSphinx and ffmpeg child processes are reported apart, as the largest seen).
# Usage: scripts/asr-longfile.sh [HOURS] [extra 'workflow transcribe' arguments]. Takes about
# 0.3-0.5 x the audio length on 2 cores.
source "$(dirname "$0")/common.sh"
hours=${1:-2}
shift || true
ensure_dotnet
ensure_apt_packages
ensure_vad_model
log "Building the command line (Release)"
dotnet build "$ROOT/tools/Workflow.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log "Synthesizing ${hours} h of speech in $work"
sed -E 's/^[^:]{1,40}:[[:space:]]*//' "$ROOT/samples/transcripts/interview-service-user.txt" > "$work/a.txt"
VOICE=en-us "$ROOT/scripts/make-sample-audio.sh" "$work/a.txt" "$work/a.wav"
VOICE=en-gb "$ROOT/scripts/make-sample-audio.sh" "$ROOT/samples/audio-script.txt" "$work/b.wav"
sox "$work/a.wav" "$work/b.wav" "$work/ab.wav"
repeats=$(python3 -c "import math,sys; print(max(0, math.ceil($hours*3600/float(sys.argv[1]))-1))" "$(soxi -D "$work/ab.wav")")
sox "$work/ab.wav" "$work/long.wav" repeat "$repeats"
rm -f "$work/a.wav" "$work/b.wav" "$work/ab.wav"
log "$(soxi -D "$work/long.wav") s of audio; transcribing"

start=$(date +%s.%N)
dotnet "$ROOT/tools/Workflow.Cli/bin/Release/net10.0/workflow.dll" transcribe "$work/long.wav" --speakers 2 --out "$work/out" "$@" &
pid=$!
peak=0
child_peak=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  (( ${hwm:-0} > peak )) && peak=$hwm
  for child in $(pgrep -P "$pid" 2>/dev/null); do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$child/status" 2>/dev/null || echo 0)
    (( ${rss:-0} > child_peak )) && child_peak=$rss
  done
  sleep 1
done
wait "$pid"
status=$?
end=$(date +%s.%N)
seconds=$(python3 -c "print(f'{$end-$start:.1f}')")
echo "exit $status; wall ${seconds} s; peak resident memory of the command $((peak / 1024)) MB; largest child process $((child_peak / 1024)) MB"
exit "$status"
