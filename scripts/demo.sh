#!/usr/bin/env bash
# The main job on the embedded local default: Azurite + offline engines + the local runner.
# Sets everything up, creates a demo study with the sample codebook and identifier list, uploads a
# sample transcript and a synthesised audio interview, shows each stage as it happens, and ends
# with where the items wait for verification and how to decide them.
#   scripts/demo.sh          run the demo (leaves the runner running for you to try the API)
#   scripts/demo.sh stop     stop the runner and Azurite
source "$(dirname "$0")/common.sh"
API="${WORKFLOW_API:-http://127.0.0.1:7071/api}"
STUDY="${DEMO_STUDY:-demo-ui-drug-services}"

stop_all() {
  if [ -f "$RUN_DIR/localhost.pid" ]; then kill "$(cat "$RUN_DIR/localhost.pid")" 2>/dev/null || true; rm -f "$RUN_DIR/localhost.pid"; fi
  "$ROOT/scripts/azurite.sh" stop
  log "Stopped."
}
[ "${1:-}" = "stop" ] && { stop_all; exit 0; }

"$ROOT/scripts/setup.sh"
start_azurite
mkdir -p "$RUN_DIR"

if ! curl -sf "$API/health" >/dev/null 2>&1; then
  log "Starting the local runner on ${API%/api} (log: .run/localhost.log)"
  nohup dotnet "$ROOT/functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll" \
    --contentRoot "$ROOT/functions/Workflow.LocalHost" >"$RUN_DIR/localhost.log" 2>&1 &
  echo $! >"$RUN_DIR/localhost.pid"
  for _ in $(seq 1 120); do curl -sf "$API/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "$API/health" >/dev/null || die "the runner did not start; see .run/localhost.log"
fi

# call METHOD PATH [curl args...]: prints the body; fails with the problem details on HTTP errors.
call() {
  local method=$1 path=$2; shift 2
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$method" "$API$path" "$@")
  status=${out##*$'\n'}; out=${out%$'\n'*}
  if [ "$status" -ge 400 ]; then echo "$out" | jq -r '"HTTP \(.status // "?") \(.title // ""): \(.detail // .)"' >&2; return 1; fi
  echo "$out"
}

log "Creating study '$STUDY' (two sites)"
call POST /studies -H 'content-type: application/json' \
  -d "{\"id\":\"$STUDY\",\"name\":\"User involvement in drug treatment services (demo)\",\"sites\":[{\"id\":\"county-a\",\"name\":\"County DAT A\"},{\"id\":\"london-b\",\"name\":\"London borough B\"}]}" \
  >/dev/null 2>&1 || echo "    (study exists already: reusing it)"
log "Uploading the sample codebook"
call PUT "/studies/$STUDY/codebook" -H 'content-type: application/json' --data-binary @"$ROOT/samples/codebook.json" \
  | jq -r '"    codebook version \(.version): \(.themes) themes, \(.codes) codes"'
log "Entering the study's identifier list (names, services, places)"
jq '{identifiers: .}' "$ROOT/samples/identifiers.json" | call PUT "/studies/$STUDY/identifiers" -H 'content-type: application/json' --data-binary @- \
  | jq -r '"    identifier list version \(.version): \(.count) entries"'

AUDIO="$RUN_DIR/sample-interview.wav"
log "Synthesising the sample audio interview (espeak-ng + a faint noise floor)"
"$ROOT/scripts/make-sample-audio.sh" "$ROOT/samples/audio-script.txt" "$AUDIO" >/dev/null

upload() { # file format participants
  call POST "/studies/$STUDY/recordings" -F "file=@$1" -F siteId=county-a -F "format=$2" -F "participants=$3" \
    -F interviewer=SP -F recordedOn=2006-05-03 -F consentRecording=true -F consentTranscription=true -F consentQuotation=true
}
log "Uploading the sample transcript and the sample audio"
T0=$(date +%s%N)
elapsed() { awk -v now="$(date +%s%N)" -v t0="$T0" 'BEGIN { printf "%.1f", (now - t0) / 1e9 }'; }
TRANSCRIPT_ID=$(upload "$ROOT/samples/transcripts/interview-service-user.txt" interview "P001:ServiceUser" | jq -r .recordingId)
AUDIO_ID=$(upload "$AUDIO" interview "P002:ServiceUser" | jq -r .recordingId)
echo "    transcript -> $TRANSCRIPT_ID"
echo "    audio      -> $AUDIO_ID"

declare -A last waited
log "Following progress (each stage as it happens)"
for _ in $(seq 1 600); do
  done_count=0
  for id in "$TRANSCRIPT_ID" "$AUDIO_ID"; do
    r=$(call GET "/recordings/$id")
    line=$(echo "$r" | jq -r '"\(.stage) \(.status)\(if .progress then " \(.progress.done)/\(.progress.total) \(if .stage == "Transcribing" then "chunks" else "decided" end)" else "" end)\(if .error then " - \(.error)" else "" end)"')
    if [ "${last[$id]:-}" != "$line" ]; then printf '    %-28s %6ss  %s\n' "$id" "$(elapsed)" "$line"; last[$id]=$line; fi
    status=$(echo "$r" | jq -r .status)
    case "$status" in
      WaitingForVerification|Completed|Failed) done_count=$((done_count+1)); [ -z "${waited[$id]:-}" ] && waited[$id]=$(elapsed);;
    esac
  done
  [ "$done_count" -eq 2 ] && break
  sleep 0.5
done

echo
log "Time from upload to waiting for verification"
printf '    sample transcript: %s s\n    sample audio:      %s s\n' "${waited[$TRANSCRIPT_ID]:-0}" "${waited[$AUDIO_ID]:-0}"
log "De-identified draft of the audio interview (identifiers replaced by study-wide pseudonyms)"
call GET "/recordings/$AUDIO_ID/transcript" | jq -r '.transcript.utterances[] | "    \(.speaker): \(.text)"' | head -8

cat <<MSG

$(log "Items wait for verification in study '$STUDY'")
    Claim the next item (a lease of 15 minutes; 204 when the queue is empty):
      curl -s -X POST $API/studies/$STUDY/queue/claim | jq
    Decide it (code suggestions: accept | reject | edit with codeIds; redactions: confirm | undo):
      curl -s -X POST $API/queue/items/<itemId>/decision -H 'content-type: application/json' -d '{"action":"accept"}'
      curl -s -X POST $API/queue/items/<itemId>/decision -H 'content-type: application/json' -d '{"action":"edit","codeIds":["<code id>"]}'
    Follow a recording, then read its verified, coded transcript once every item is decided:
      curl -s $API/recordings/$TRANSCRIPT_ID | jq
      curl -s $API/recordings/$TRANSCRIPT_ID/transcript | jq
    Re-code the study after changing the codebook:
      curl -s -X POST $API/studies/$STUDY/reprocess -H 'content-type: application/json' -d '{"stage":"coding"}'
    The runner keeps running (log: .run/localhost.log). Stop everything with: scripts/demo.sh stop
MSG
