#!/usr/bin/env bash
# Checks deploy/ without a Docker engine: the compose file's shape, and that the Dockerfile's COPY
# sources exist. Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import sys
try:
    import yaml
except ImportError:
    print("deploy/check: PyYAML missing, compose.yaml not parsed"); sys.exit(0)
c = yaml.safe_load(open("deploy/compose.yaml"))
svc = c["services"]
assert set(svc) == {"postgres", "journal"}, svc.keys()
assert "healthcheck" in svc["postgres"] and "healthcheck" in svc["journal"]
assert svc["journal"]["depends_on"]["postgres"]["condition"] == "service_healthy"
assert "ConnectionStrings__Journal" in svc["journal"]["environment"]
assert "Host=postgres" in svc["journal"]["environment"]["ConnectionStrings__Journal"]
assert "AllowedHosts" in svc["journal"]["environment"]
assert "journal-data" in c["volumes"]
assert any(v.startswith("journal-data:") for v in svc["postgres"]["volumes"])
assert svc["journal"]["build"]["dockerfile"] == "deploy/Dockerfile"
print("deploy/check: compose.yaml ok")
PY
grep -E '^COPY [^-]' deploy/Dockerfile | while read -r _ rest; do
  for src in ${rest% *}; do
    [ -e "$src" ] || { echo "deploy/check: Dockerfile copies missing $src" >&2; exit 1; }
  done
done
grep -q '^USER ' deploy/Dockerfile || { echo "deploy/check: Dockerfile has no USER" >&2; exit 1; }
echo "deploy/check: Dockerfile ok"
