#!/usr/bin/env bash
# GENERATED from the topic catalog (contracts: Topics, Catalogs) by
# deploy-tests/src/main/java/dev/switchboard/deploy/DeployFiles.java; do not edit.
# Regenerate: ./mvnw -q -pl deploy-tests -am test -Dtest=GeneratedDeployFilesTest \
#   -Dsurefire.failIfNoSpecifiedTests=false -Dswitchboard.deploy.write=true
# Creates every catalog topic before the services start (they would create them too,
# but with the partitions set here the stack can scale out from the first goal).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:19092}"
PARTITIONS="${SWITCHBOARD_KAFKA_PARTITIONS:-6}"
REPLICAS="${SWITCHBOARD_KAFKA_REPLICATION_FACTOR:-1}"
TOPICS=/opt/kafka/bin/kafka-topics.sh
create() {
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$REPLICAS" "${@:3}"
}
create goals "$PARTITIONS"
create plan "$PARTITIONS"
create verdict "$PARTITIONS"
create action-request "$PARTITIONS"
create action-result "$PARTITIONS"
create escalation "$PARTITIONS"
create resolution "$PARTITIONS"
create outcome "$PARTITIONS"
create goals.dlq "$PARTITIONS"
create plan.dlq "$PARTITIONS"
create verdict.dlq "$PARTITIONS"
create action-request.dlq "$PARTITIONS"
create action-result.dlq "$PARTITIONS"
create escalation.dlq "$PARTITIONS"
create resolution.dlq "$PARTITIONS"
create outcome.dlq "$PARTITIONS"
create tools 1 --config cleanup.policy=compact
create agents 1 --config cleanup.policy=compact
"$TOPICS" --bootstrap-server "$BOOTSTRAP" --list
