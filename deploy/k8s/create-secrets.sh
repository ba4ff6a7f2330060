#!/usr/bin/env bash
# Creates each service's own Secret in a namespace from the files deploy/compose/secrets.sh writes
# (run that first), one key per file named after the property it sets (Spring config tree).
# Usage: deploy/k8s/create-secrets.sh [namespace]   (default switchboard-local)
# In production, create the same Secrets from your secret store instead (same names and keys).
set -euo pipefail
NAMESPACE="${1:-switchboard-local}"
DIR="$(cd "$(dirname "$0")/../compose/secrets" && pwd)"
secret() {
  local name="$1"
  shift
  kubectl -n "$NAMESPACE" create secret generic "$name" "$@" --dry-run=client -o yaml | kubectl apply -f -
}
kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
[[ -s "$DIR/peer-token" ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '=\n' >"$DIR/peer-token")
secret switchboard-guardrail-secrets \
  --from-file=switchboard.security.action-signing-key="$DIR/action-signing-key"
secret switchboard-executor-secrets \
  --from-file=switchboard.security.action-signing-key="$DIR/action-signing-key" \
  --from-file=sales-tools-token="$DIR/sales-tools-token"
secret switchboard-handoff-secrets \
  --from-file=switchboard.handoff.operator-token="$DIR/operator-token" \
  --from-file=switchboard.handoff.peer-token="$DIR/peer-token" \
  --from-file=handoff.properties="$DIR/handoff.properties"
secret switchboard-sales-tools-secrets \
  --from-file=sales-tools.token="$DIR/sales-tools-token"
echo "secrets created in $NAMESPACE; the planner's (an LLM key, if any) is optional"
