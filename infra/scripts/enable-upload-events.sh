#!/bin/sh
# azd postdeploy hook: after the first deploy the app's blob-trigger webhook answers Event Grid's
# validation and its blobs_extension key exists, so the drop-zone subscription can be created.
set -eu
if [ "$(azd env get-value ENABLE_UPLOAD_EVENT_SUBSCRIPTION 2>/dev/null || true)" = "true" ]; then
  exit 0
fi
echo "Creating the drop-zone Event Grid subscription (provisioning once more)"
azd env set ENABLE_UPLOAD_EVENT_SUBSCRIPTION true
azd provision --no-prompt
