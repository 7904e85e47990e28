#!/usr/bin/env bash
# Accepts the OpenAPI document the service serves as tests/Journal.Api.Tests/openapi.json and regenerates the
# Kiota client (Client/) from it. Run after changing an endpoint; review and commit both.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -nologo -v q tests/Journal.Api.Tests
JOURNAL_ACCEPT_API=1 dotnet test --no-build --project tests/Journal.Api.Tests -- --filter-method "*.The_served_document_is_the_committed_snapshot"
bash tests/Journal.Api.Tests/generate-client.sh
