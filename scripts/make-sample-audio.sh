#!/usr/bin/env bash
# Synthesises speech for tests and measurements: make-sample-audio.sh TEXT_FILE OUT.(wav|ogg|mp3|...)
# espeak-ng (en-gb, moderate speed, a pause after each sentence) -> 16 kHz mono 16-bit -> mixed with a
# faint white-noise floor, because PocketSphinx mis-normalises digital silence. sox runs in repeatable
# mode (-R), so the same text gives the same bytes. Formats other than wav are encoded by ffmpeg.
# Needs the Debian packages espeak-ng, sox and (for non-wav output) ffmpeg.
# VOICE and SPEED (words per minute) override the defaults; PocketSphinx's en-us model recognises
# VOICE=en-us far better than en-gb, which is the default because it is the harder, more realistic case.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TEXT_FILE OUT.wav" >&2
  exit 2
fi
text_file=$1
out=$2
[[ -r $text_file ]] || { echo "cannot read $text_file" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# SSML: escape markup characters, then add a 600 ms break after sentence-ending punctuation.
sed -E -e 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' \
       -e 's/([.!?])([[:space:]]+|$)/\1 <break time="600ms"\/> /g' "$text_file" \
  | { echo '<speak>'; cat; echo '</speak>'; } > "$work/text.ssml"

espeak-ng -v "${VOICE:-en-gb}" -s "${SPEED:-140}" -m -w "$work/raw.wav" -f "$work/text.ssml"
sox -R "$work/raw.wav" -r 16000 -c 1 -b 16 "$work/speech.wav" pad 0.5 0.5
duration=$(soxi -D "$work/speech.wav")
sox -R -n -r 16000 -c 1 -b 16 "$work/noise.wav" synth "$duration" whitenoise vol 0.005
sox -R -m "$work/speech.wav" "$work/noise.wav" "$work/mixed.wav"

case "${out,,}" in
  *.wav) mv "$work/mixed.wav" "$out" ;;
  *) ffmpeg -nostdin -hide_banner -loglevel error -y -i "$work/mixed.wav" -map_metadata -1 -fflags +bitexact "$out" ;;
esac
