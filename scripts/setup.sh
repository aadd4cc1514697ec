#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine with .NET 10 and Node:
# Debian packages (ffmpeg, PocketSphinx, espeak-ng, sox, jq), Azurite, the de-identification gazetteers and the Silero VAD model from npm, NuGet packages.
source "$(dirname "$0")/common.sh"
ensure_dotnet
ensure_apt_packages
ensure_azurite
ensure_gazetteers
ensure_vad_model
log "Restoring and building (Release)"
dotnet build "$ROOT/Workflow.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
