#!/usr/bin/env bash
# Alert delivery benchmark: time from POST to a real Alertmanager (group_wait 1s) until the
# webhook capture receives the notification, over 20 alerts; prints median and max.
# Needs prometheus-alertmanager on the PATH (make deps). Run from anywhere: bench/alert/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" bench/alert/DeliveryLatency.java
