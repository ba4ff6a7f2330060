#!/usr/bin/env bash
# An outside system answering the Switchboard inbox: read `escalation` with kcat, decide each
# approval by a simple rule, and answer through the handoff REST API with a service token.
#
#   SWITCHBOARD_TOKEN=<service token> examples/handoff-consumer/answer-approvals.sh
#
# Settings (environment): KAFKA (localhost:9092), HANDOFF_URL (http://localhost:8084),
# TOPIC_PREFIX (empty), ALLOW_DOMAINS (acme.example: mail to these domains is approved, all other
# mail denied), FROM (end: only new escalations; beginning: also the ones already waiting),
# SWITCHBOARD_TOKEN (else read from $SWITCHBOARD_HOME/secrets/tokens/handoff-consumer).
# Needs kcat, jq and curl.
set -euo pipefail

KAFKA="${KAFKA:-localhost:9092}"
HANDOFF_URL="${HANDOFF_URL:-http://localhost:8084}"
TOPIC="${TOPIC_PREFIX:-}escalation"
ALLOW_DOMAINS="${ALLOW_DOMAINS:-acme.example}"
FROM="${FROM:-end}"
TOKEN_FILE="${SWITCHBOARD_HOME:-$(cd "$(dirname "$0")/../.." && pwd)/.switchboard}/secrets/tokens/handoff-consumer"

for tool in kcat jq curl; do
  command -v "$tool" >/dev/null || { echo "answer-approvals: needs $tool" >&2; exit 1; }
done
TOKEN="${SWITCHBOARD_TOKEN:-}"
if [[ -z "$TOKEN" && -r "$TOKEN_FILE" ]]; then TOKEN="$(<"$TOKEN_FILE")"; fi
[[ -n "$TOKEN" ]] || { echo "answer-approvals: set SWITCHBOARD_TOKEN (a service token)" >&2; exit 1; }

# Approve mail to an allowed domain, deny the rest; prints "approve" or "deny <reason>".
decide() {
  local tool="$1" to="$2" domain
  domain="${to##*@}"
  if [[ "$tool" != demo.send ]]; then
    echo "deny this consumer only answers demo.send"
  elif [[ " ${ALLOW_DOMAINS//,/ } " == *" $domain "* ]]; then
    echo "approve"
  else
    echo "deny mail to $domain is not on the allow list"
  fi
}

# POST an answer; the inbox says 202 (written, or the same decision again), 403 (this token may
# not answer it, nothing written) or 409 (someone decided first, or the deadline passed).
answer() {
  local id="$1" decision="$2" body="$3" status
  status="$(curl -sS -o /tmp/answer-approvals.$$ -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$body" "$HANDOFF_URL/api/escalations/$id/$decision")"
  case "$status" in
    202) echo "  $decision: $(jq -r '"\(.resolution) by \(.actor)"' /tmp/answer-approvals.$$)" ;;
    *) echo "  HTTP $status: $(jq -r '.detail // .' /tmp/answer-approvals.$$ 2>/dev/null)" ;;
  esac
  rm -f /tmp/answer-approvals.$$
}

echo "answer-approvals: reading $TOPIC on $KAFKA from the $FROM, answering at $HANDOFF_URL"
kcat -C -b "$KAFKA" -t "$TOPIC" -o "$FROM" -u -q -f '%s\n' -X isolation.level=read_committed |
  while IFS= read -r event; do
    [[ "$(jq -r '.type // empty' <<<"$event" 2>/dev/null)" == ApprovalRequested ]] || continue
    id="$(jq -r '.escalationId' <<<"$event")"
    tool="$(jq -r '.action.tool' <<<"$event")"
    to="$(jq -r '.action.arguments.to // ""' <<<"$event")"
    echo "$id: $tool to ${to:-nobody}"
    verdict="$(decide "$tool" "$to")"
    if [[ "$verdict" == approve ]]; then
      answer "$id" approve '{"comment":"allowed domain (answer-approvals.sh)"}'
    else
      answer "$id" deny "$(jq -nc --arg reason "${verdict#deny }" '{reason: $reason}')"
    fi
  done
