#!/usr/bin/env bash
# Starts the whole DesaFlow stack on this machine without Docker: Kafka (KRaft), a file-backed MongoDB
# wire-protocol server, a GreenMail mail server and every service. Data stay in .desaflow-data/; Ctrl-C stops all.
# SKIP_BUILD=1 ./run.sh skips the Maven build when nothing changed.
set -euo pipefail
cd "$(dirname "$0")"
command -v java >/dev/null || { echo "Java 17 is required (apt-get install openjdk-17-jdk-headless)"; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 1; }
  # the approval-chain editor (bpmn-js) is bundled from the npm registry by the build
  command -v npm >/dev/null || { echo "Node.js and npm are required to build (apt-get install nodejs npm)"; exit 1; }
  echo "[desaflow] Membangun (building, first time takes a few minutes) ..."
  mvn -B -q -ntp -DskipTests install
fi
exec java -Xmx128m -XX:+UseSerialGC -Ddesaflow.root="$PWD" \
  -cp "infra/launcher/target/classes:$(cat infra/launcher/target/launcher-classpath.txt)" \
  id.desaflow.launcher.LocalStack
