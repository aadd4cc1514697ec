#!/usr/bin/env bash
# Large-upload benchmark: the same generated WAV (UPLOAD_BENCH_MB, default 450 MB, 16 kHz mono PCM)
# uploaded with `workflow upload` to a fresh local runner on a private Azurite (ports 10130-10132,
# data in .run/upload-bench-azurite, removed afterwards), once over HTTP (the baseline: the runner
# streams the multipart body to a temporary file) and once direct (an upload grant's SAS URL: the
# bytes go to the drop zone in blocks and the runner's poller takes them in). For each it prints the
# time until the recording exists, the throughput and the runner's peak resident memory (VmHWM),
# then the direct/HTTP ratios. Each mode gets its own runner process, so peaks do not mix, and its
# own study, so the second is not a duplicate. The runner is stopped as soon as the file is taken
# in (transcribing hours of noise is not what is measured).
#   scripts/upload-bench.sh [--no-build]
source "$(dirname "$0")/common.sh"
PORT="${UPLOAD_BENCH_PORT:-7192}"
MB="${UPLOAD_BENCH_MB:-450}"
RUNNER_DLL="$ROOT/functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll"
CLI_DLL="$ROOT/tools/Workflow.Cli/bin/Release/net10.0/workflow.dll"
WORK="$RUN_DIR/upload-bench"

ensure_dotnet
command -v ffmpeg >/dev/null || die "ffmpeg is needed to generate the audio (scripts/setup.sh installs it)"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  log "Building (Release)"
  dotnet build "$ROOT/Workflow.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
fi
mkdir -p "$RUN_DIR"
port_open "$PORT" && die "port $PORT is in use; set UPLOAD_BENCH_PORT"
stop_all() {
  stop_run_runner upload-bench "$PORT"
  stop_private_azurite upload-bench 10130
  rm -rf "$WORK"
}
trap stop_all EXIT

rm -rf "$WORK"; mkdir -p "$WORK/files"
SECONDS_OF_AUDIO=$(( MB * 1024 * 1024 / 32000 ))
log "Generating $MB MB of audio ($SECONDS_OF_AUDIO s of pink noise)"
ffmpeg -nostdin -loglevel error -f lavfi -i "anoisesrc=c=pink:r=16000:a=0.05" -t "$SECONDS_OF_AUDIO" -ac 1 -c:a pcm_s16le "$WORK/files/long-interview.wav"
BYTES=$(stat -c %s "$WORK/files/long-interview.wav")
printf 'file,siteId,format,participants,interviewer,consentRecording,consentTranscription\nlong-interview.wav,site-a,interview,P001:ServiceUser,SP,true,true\n' >"$WORK/metadata.csv"

STORAGE=$(start_private_azurite upload-bench 10130)
API="http://127.0.0.1:$PORT/api"
declare -A SECS PEAK
for mode in http direct; do
  start_run_runner upload-bench "$PORT" "$STORAGE" "$RUNNER_DLL" --LocalDurable:DroppedUploadPollInterval 00:00:01
  pid=$(cat "$RUN_DIR/upload-bench-runner.pid")
  study="upload-bench-$mode-$(date +%H%M%S)"
  curl -sf -X POST "$API/studies" -H 'content-type: application/json' \
    -d "{\"id\":\"$study\",\"name\":\"Upload benchmark\",\"sites\":[{\"id\":\"site-a\",\"name\":\"Site A\"}]}" >/dev/null || die "could not create the study"
  curl -sf -X PUT "$API/studies/$study/codebook" -H 'content-type: application/json' --data-binary @"$ROOT/samples/codebook.json" >/dev/null || die "could not set the codebook"
  idle=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  log "Uploading $BYTES bytes via $mode (runner peak before: $idle MB)"
  start=$(date +%s.%N)
  dotnet "$CLI_DLL" upload "$WORK/files" --study "$study" --metadata "$WORK/metadata.csv" --via "$mode" --api "$API" </dev/null \
    || die "the $mode upload failed; see .run/upload-bench-runner.log"
  SECS[$mode]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  PEAK[$mode]=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  stop_run_runner upload-bench "$PORT"
done

printf '\n%-8s %10s %9s %9s %16s\n' via bytes seconds "MB/s" "runner peak MB"
for mode in http direct; do
  printf '%-8s %10s %9.1f %9.1f %16s\n' "$mode" "$BYTES" "${SECS[$mode]}" "$(awk -v b="$BYTES" -v s="${SECS[$mode]}" 'BEGIN { print b / 1048576 / s }')" "${PEAK[$mode]}"
done
printf '\ndirect/http: time %.2fx, runner peak memory %.2fx\n' \
  "$(awk -v a="${SECS[direct]}" -v b="${SECS[http]}" 'BEGIN { print a / b }')" "$(awk -v a="${PEAK[direct]}" -v b="${PEAK[http]}" 'BEGIN { print a / b }')"
