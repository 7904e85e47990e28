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
core = {name for name, service in svc.items() if "profiles" not in service}
assert core == {"postgres", "journal"}, svc.keys()
observability = {"otel-collector", "prometheus", "grafana"}
cluster = {"journal-2", "journal-3", "haproxy"}
assert set(svc) - core == observability | cluster, svc.keys()
assert all(svc[name]["profiles"] == ["observability"] for name in observability)
assert all(svc[name]["profiles"] == ["cluster"] for name in cluster)
# The cluster: the replicas are node 1 without its published port, HAProxy sends to all three with cluster.sh's configuration.
for replica in ["journal-2", "journal-3"]:
    assert svc[replica]["environment"] == svc["journal"]["environment"] and svc[replica]["image"] == svc["journal"]["image"], replica
    assert svc[replica]["ports"] == [] and svc[replica]["healthcheck"] == svc["journal"]["healthcheck"], replica
    assert replica in svc["journal"]["environment"]["AllowedHosts"], replica  # Prometheus asks for it by name
assert svc["journal"]["environment"]["Journal__Cluster__DrainSeconds"]
haproxy = svc["haproxy"]
assert [haproxy["environment"][f"JOURNAL_NODE{i}"] for i in (1, 2, 3)] == ["journal:8080", "journal-2:8080", "journal-3:8080"]
assert "./cluster/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in haproxy["volumes"]
assert all(haproxy["depends_on"][n]["condition"] == "service_healthy" for n in ["journal", "journal-2", "journal-3"])
env = svc["journal"]["environment"]
assert "Journal__Metrics__Token" in env and "OTEL_EXPORTER_OTLP_ENDPOINT" in env
assert "127.0.0.1;journal;" in env["AllowedHosts"]  # Prometheus asks for journal:8080
assert "metrics_token" in svc["prometheus"]["secrets"] and "metrics_token" in c["secrets"]
assert any(v.startswith("./prometheus/prometheus.yml:") for v in svc["prometheus"]["volumes"])
assert any(v.startswith("./grafana/journal-dashboard.json:") for v in svc["grafana"]["volumes"])
assert any(v.startswith("./otel-collector/config.yaml:") for v in svc["otel-collector"]["volumes"])
collector = yaml.safe_load(open("deploy/otel-collector/config.yaml"))
assert collector["service"]["pipelines"]["traces"]["receivers"] == ["otlp"]
for f in ["deploy/grafana/provisioning/datasources/prometheus.yaml", "deploy/grafana/provisioning/dashboards/journal.yaml"]:
    assert yaml.safe_load(open(f))["apiVersion"] == 1, f
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
# The scrape configuration, as Prometheus itself reads it (Debian's prometheus package; .ci/run installs it). Its token
# file is the compose secret /run/secrets/metrics_token, absent here: promtool checks a copy pointing at a stand-in.
command -v promtool >/dev/null 2>&1 || { echo "deploy/check: promtool missing (Debian: apt-get install prometheus)" >&2; exit 1; }
grep -q 'credentials_file: /run/secrets/metrics_token$' deploy/prometheus/prometheus.yml \
  || { echo "deploy/check: prometheus.yml must read the token from the compose secret /run/secrets/metrics_token" >&2; exit 1; }
promcheck=$(mktemp -d)
trap 'rm -rf "$promcheck"' EXIT
echo stand-in-token > "$promcheck/metrics_token"
sed "s#/run/secrets/metrics_token#$promcheck/metrics_token#" deploy/prometheus/prometheus.yml > "$promcheck/prometheus.yml"
promtool check config "$promcheck/prometheus.yml"
# The dashboard is JSON whose every query the tests check against the series /metrics serves (TelemetryMetricsTests).
python3 -c 'import json,sys; d=json.load(open("deploy/grafana/journal-dashboard.json")); assert d["uid"]=="journal" and d["panels"]' \
  || { echo "deploy/check: deploy/grafana/journal-dashboard.json is not the dashboard" >&2; exit 1; }
echo "deploy/check: prometheus.yml, dashboard ok"
grep -E '^COPY [^-]' deploy/Dockerfile | while read -r _ rest; do
  for src in ${rest% *}; do
    [ -e "$src" ] || { echo "deploy/check: Dockerfile copies missing $src" >&2; exit 1; }
  done
done
grep -q '^USER ' deploy/Dockerfile || { echo "deploy/check: Dockerfile has no USER" >&2; exit 1; }
echo "deploy/check: Dockerfile ok"
# HAProxy's own check of deploy/cluster/haproxy.cfg, with addresses as cluster.sh and compose give them.
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$haproxy" ] || { echo "deploy/check: haproxy missing (Debian: apt-get install haproxy)" >&2; exit 1; }
JOURNAL_CLUSTER_BIND=127.0.0.1:5080 JOURNAL_NODE1=127.0.0.1:5081 JOURNAL_NODE2=127.0.0.1:5082 JOURNAL_NODE3=127.0.0.1:5083 \
  "$haproxy" -c -q -f deploy/cluster/haproxy.cfg || { echo "deploy/check: deploy/cluster/haproxy.cfg is refused by haproxy -c" >&2; exit 1; }
bash -n deploy/cluster/cluster.sh
echo "deploy/check: cluster ok"
