#!/usr/bin/env bash
# Generates the C# client in tests/Journal.Api.Tests/Client from the committed openapi.json with the Kiota pinned in
# dotnet-tools.json. .ci/run runs it and fails if the result differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet tool run kiota generate --language CSharp --openapi tests/Journal.Api.Tests/openapi.json \
  --class-name JournalApiClient --namespace-name Journal.Api.Client --output tests/Journal.Api.Tests/Client \
  --exclude-backward-compatible --clean-output --log-level Error
