#!/usr/bin/env bash
# The gateway's added latency per request (GatewayLatencyBenchmark): direct vs through the gateway,
# anonymous and with a session. Usage: gateway/latency-benchmark.sh [requests per case, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" && -f infra/bin/java-home.sh ]]; then . infra/bin/java-home.sh; fi
./mvnw -q -B -o -f gateway/pom.xml test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/benchmark.classpath)" \
  com.shopfleet.shop.gateway.GatewayLatencyBenchmark "$@"
