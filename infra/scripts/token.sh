#!/usr/bin/env bash
# Prints an access token from the identity service for scripts and the README walk-through, through the same
# authorization code + PKCE flow a browser uses (public client desaflow-cli, loopback redirect that nothing needs
# to listen on: curl only reads the redirect's code).
#   T=$(infra/scripts/token.sh kasi-pelayanan.beji 'Desa-Beji-2026!')   official: username + password
#   T=$(infra/scripts/token.sh 3309016108790002 246810)                  resident: NIK + PIN
# IDENTITY defaults to http://localhost:8085.
set -euo pipefail
login=${1:?username or NIK}; secret=${2:?password or PIN}
ID=${IDENTITY:-http://localhost:8085}
REDIRECT=http://127.0.0.1:8765/callback
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
verifier=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-64)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
authorize="$ID/oauth2/authorize?response_type=code&client_id=desaflow-cli&redirect_uri=$REDIRECT&scope=openid%20profile&code_challenge=$challenge&code_challenge_method=S256"

# both forms post username + password; the hidden "form" field tells identity whether it is NIK + PIN
if [[ $login =~ ^[0-9]{16}$ ]]; then page=/login/warga; else page=/login; fi
fields=(--data-urlencode "username=$login" --data-urlencode "password=$secret")

curl -s -c "$jar" -b "$jar" -o /dev/null "$authorize"   # remembers where to return after sign-in
form=$(curl -s -c "$jar" -b "$jar" "$ID$page")
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$form" | head -1 | sed 's/.*value="//; s/"$//')
kind=$(grep -o 'name="form" value="[^"]*"' <<<"$form" | head -1 | sed 's/.*value="//; s/"$//')
action=$(grep -o '<form method="post" action="[^"]*"' <<<"$form" | head -1 | sed 's/.*action="//; s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$ID${action:-$page}" --data-urlencode "_csrf=$csrf" \
  ${kind:+--data-urlencode "form=$kind"} "${fields[@]}"
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize")
code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")
[ -n "$code" ] || { echo "sign-in failed (wrong login, locked, or a new PIN must be chosen first): ${location:-no redirect}" >&2; exit 1; }
curl -s -X POST "$ID/oauth2/token" -d grant_type=authorization_code -d client_id=desaflow-cli \
  --data-urlencode "redirect_uri=$REDIRECT" --data-urlencode "code=$code" --data-urlencode "code_verifier=$verifier" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
