#!/usr/bin/env bash
# Load run of the verification queue: builds, starts Azurite (unless running) and a local runner of
# its own (port QUEUE_LOAD_PORT, default 7181, task hub "queueload", so it never meets the demo's
# runner on 7071), creates a fresh study with the sample codebook and identifier list, uploads
# QUEUE_LOAD_TRANSCRIPTS (default 13) variations of the sample transcript, waits until every one waits
# for verification, then runs bench/Workflow.QueueLoad: QUEUE_LOAD_CODERS (default 50) simulated
# coders claiming and deciding at once until the queue is empty. It prints claims per second, p50/p95
# of claim and decision latency, items given to two coders at once and decisions lost, and exits
# non-zero on any duplicate or loss. QUEUE_LOAD_THINK_MS (default 0) is each coder's time between
# claiming and deciding: 0 saturates the queue (latency is then about coders / throughput).
# By default it runs on a private, fresh Azurite (ports 10110-10112, data in .run/queue-load-azurite,
# removed afterwards), so other work on the shared Azurite does not skew the figures and each run
# starts from empty tables; QUEUE_LOAD_AZURITE=shared uses the project's Azurite on 10000-10002.
# QUEUE_LOAD_RUNNER_DLL runs another build of the runner (e.g. an older commit, for a before/after).
#   scripts/queue-load.sh [--no-build]
source "$(dirname "$0")/common.sh"
PORT="${QUEUE_LOAD_PORT:-7181}"
API="http://127.0.0.1:$PORT/api"
TRANSCRIPTS="${QUEUE_LOAD_TRANSCRIPTS:-13}"
CODERS="${QUEUE_LOAD_CODERS:-50}"
THINK_MS="${QUEUE_LOAD_THINK_MS:-0}"
MIN_ITEMS="${QUEUE_LOAD_MIN_ITEMS:-130}"
STUDY="queue-load-$(date +%Y%m%d%H%M%S)"
WORK="$RUN_DIR/queue-load"
AZURITE_MODE="${QUEUE_LOAD_AZURITE:-private}"
RUNNER_DLL="${QUEUE_LOAD_RUNNER_DLL:-$ROOT/functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll}"

ensure_dotnet
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  log "Building (Release)"
  dotnet build "$ROOT/Workflow.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
fi
mkdir -p "$WORK"
port_open "$PORT" && die "port $PORT is in use; set QUEUE_LOAD_PORT"

stop_all() {
  stop_run_runner queue-load "$PORT"
  stop_private_azurite queue-load 10110
}
trap stop_all EXIT

STORAGE="UseDevelopmentStorage=true"
if [ "$AZURITE_MODE" = "private" ]; then
  STORAGE=$(start_private_azurite queue-load 10110)
else
  port_open 10000 && port_open 10001 && port_open 10002 || start_azurite
fi
start_run_runner queue-load "$PORT" "$STORAGE" "$RUNNER_DLL"

call() { # METHOD PATH [curl args...]
  local method=$1 path=$2; shift 2
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$method" "$API$path" -H 'X-Dev-User: load-lead' -H 'X-Dev-Roles: Admin' "$@")
  status=${out##*$'\n'}; out=${out%$'\n'*}
  if [ "$status" -ge 400 ]; then echo "HTTP $status $path: $out" >&2; return 1; fi
  echo "$out"
}

log "Creating study $STUDY with the sample codebook and identifier list"
call POST /studies -H 'content-type: application/json' \
  -d "{\"id\":\"$STUDY\",\"name\":\"Queue load run\",\"sites\":[{\"id\":\"site-a\",\"name\":\"Site A\"}]}" >/dev/null
call PUT "/studies/$STUDY/codebook" -H 'content-type: application/json' --data-binary @"$ROOT/samples/codebook.json" >/dev/null
jq '{identifiers: .}' "$ROOT/samples/identifiers.json" | call PUT "/studies/$STUDY/identifiers" -H 'content-type: application/json' --data-binary @- >/dev/null
# The administrator creating the study became its lead; the simulated coders must be members.
for n in $(seq 1 "$CODERS"); do
  call PUT "/studies/$STUDY/members/load-coder-$(printf '%02d' "$n")" -H 'content-type: application/json' -d '{"roles":["Coder"]}' >/dev/null
done

log "Uploading $TRANSCRIPTS transcripts (variations of samples/transcripts/interview-service-user.txt)"
ids=()
for n in $(seq 1 "$TRANSCRIPTS"); do
  file="$WORK/interview-$n.txt"
  # A different opening line (and every n-th paragraph dropped) so that content hashes differ.
  { echo "Interviewer: This is interview number $n of the load run, recorded at site A."; echo
    awk -v n="$n" 'BEGIN { RS=""; ORS="\n\n" } (NR % (n + 3)) != 0 || NR <= 2' "$ROOT/samples/transcripts/interview-service-user.txt"; } >"$file"
  id=$(call POST "/studies/$STUDY/recordings" -F "file=@$file" -F siteId=site-a -F format=interview \
    -F "participants=P$((100 + n)):ServiceUser" -F interviewer=SP -F recordedOn=2006-05-03 \
    -F consentRecording=true -F consentTranscription=true -F consentQuotation=true | jq -r .recordingId)
  ids+=("$id")
done

log "Waiting until every recording waits for verification"
T0=$(date +%s)
while true; do
  list=$(call GET "/studies/$STUDY/recordings")
  waiting=$(echo "$list" | jq '[.[] | select(.status == "WaitingForVerification" and .progress != null)] | length')
  failed=$(echo "$list" | jq '[.[] | select(.status == "Failed")] | length')
  [ "$failed" -gt 0 ] && die "$failed recording(s) failed: $(echo "$list" | jq -c '[.[] | select(.status == "Failed") | .error]')"
  [ "$waiting" -eq "${#ids[@]}" ] && break
  [ $(( $(date +%s) - T0 )) -gt 600 ] && die "recordings did not reach WaitingForVerification in 10 minutes"
  sleep 1
done
items=$(echo "$list" | jq '[.[] | .progress.total] | add')
echo "    ${#ids[@]} recordings, $items items waiting, after $(( $(date +%s) - T0 )) s"
[ "$items" -ge "$MIN_ITEMS" ] || die "only $items items queued; need at least $MIN_ITEMS (raise QUEUE_LOAD_TRANSCRIPTS)"

log "Running $CODERS coders against the queue"
set +e
dotnet "$ROOT/bench/Workflow.QueueLoad/bin/Release/net10.0/Workflow.QueueLoad.dll" --api "$API" --study "$STUDY" --coders "$CODERS" --think-ms "$THINK_MS"
rc=$?
set -e
exit $rc
