#!/usr/bin/env bash
# Writes the compose stack's secrets into deploy/compose/secrets/ (git-ignored), once: the action
# signing key (guardrail and executor), the operator token and demo logins (handoff), the example
# tool server's token (sales-tools and executor). Passwords are bcrypt-hashed by the Switchboard CLI.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../.. && pwd)"
DIR=secrets
mkdir -p "$DIR"
chmod 700 "$DIR"

random_secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
write_once() {
  local file="$DIR/$1"
  [[ -s "$file" ]] || (umask 077 && random_secret >"$file")
}

write_once action-signing-key
write_once operator-token
write_once sales-tools-token
write_once approver-password
write_once handoff-consumer-token

if [[ ! -s "$DIR/handoff.properties" ]]; then
  source "$ROOT/bin/lib/jdk.sh"
  JAVA="$(find_switchboard_java)"
  CLI_JAR="$ROOT/cli/target/switchboard-cli.jar"
  [[ -f "$CLI_JAR" ]] || (cd "$ROOT" && ./mvnw -q -B -pl cli -am package -DskipTests)
  hash="$("$JAVA" -jar "$CLI_JAR" hash-password <"$DIR/approver-password")"
  token_hash="$(sha256sum <"$DIR/handoff-consumer-token" | cut -d' ' -f1)"
  (umask 077 && cat >"$DIR/handoff.properties" <<PROPERTIES
# Written by deploy/compose/secrets.sh; the password is in approver-password, the token in handoff-consumer-token.
switchboard.handoff.users[0].name=approver
switchboard.handoff.users[0].password-hash=$hash
switchboard.handoff.users[0].roles=approvers
switchboard.handoff.service-tokens[0].name=handoff-consumer
switchboard.handoff.service-tokens[0].token-hash=$token_hash
switchboard.handoff.service-tokens[0].roles=approvers
PROPERTIES
  )
fi
# The containers run as a non-root user that must read the mounted files; the directory stays 700.
chmod 644 "$DIR"/*
echo "secrets in deploy/compose/$DIR: approver's password in approver-password, operator token in operator-token"
