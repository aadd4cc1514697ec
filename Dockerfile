# The Functions app with the offline engines, for the Premium plan (azure.yaml builds and pushes it).
# Base images are pinned by tag (never latest); pin by digest for a reproducible release.

# 1. Gazetteers for the "names" engine: the same pinned npm packages scripts/setup.sh installs.
FROM node:20.18.1-bookworm-slim AS gazetteers
WORKDIR /src
COPY scripts/common.sh scripts/common.sh
RUN bash -c 'source scripts/common.sh && ensure_gazetteers'

# 2. Publish the app; the Engines.Local build copies the gazetteers from .tools into gazetteers/.
FROM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY functions/ functions/
COPY --from=gazetteers /src/.tools/node_modules .tools/node_modules
RUN dotnet publish functions/Workflow.Functions/Workflow.Functions.csproj -c Release -o /app/publish -nologo

# 3. The Functions host (.NET 10 isolated) plus the engines' Debian packages: ffmpeg (decode, probe),
#    PocketSphinx with its US English model (transcription), libgomp1 (Whisper.net when configured).
FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg pocketsphinx pocketsphinx-en-us libgomp1 \
 && rm -rf /var/lib/apt/lists/*
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true
COPY --from=build /app/publish /home/site/wwwroot
