# shellcheck shell=bash
# Finds a JDK new enough to run Switchboard. Source this file, then:
#   JAVA="$(find_switchboard_java)" || exit 1
# Order: $JAVA_HOME, then `java` on PATH, then the newest JDK under /usr/lib/jvm.

SWITCHBOARD_MIN_JAVA=21

# Prints the feature version (8, 17, 21, 25, ...) of a java binary; fails if it does not run.
java_feature_version() {
  local first_line version
  first_line="$("$1" -version 2>&1 | head -n 1)" || return 1
  version="$(sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' <<<"$first_line")"
  [[ -n "$version" ]] || return 1
  version="${version#1.}"   # "1.8.0" means 8
  echo "${version%%.*}"
}

# Prints the path of a java binary >= SWITCHBOARD_MIN_JAVA, or explains what it found and fails.
find_switchboard_java() {
  local found=() candidate version best="" best_version=0

  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    version="$(java_feature_version "$JAVA_HOME/bin/java")" || version="?"
    if [[ "$version" =~ ^[0-9]+$ ]] && ((version >= SWITCHBOARD_MIN_JAVA)); then
      echo "$JAVA_HOME/bin/java"
      return 0
    fi
    found+=("JAVA_HOME=$JAVA_HOME (java $version)")
  fi

  if candidate="$(command -v java)"; then
    version="$(java_feature_version "$candidate")" || version="?"
    if [[ "$version" =~ ^[0-9]+$ ]] && ((version >= SWITCHBOARD_MIN_JAVA)); then
      echo "$candidate"
      return 0
    fi
    found+=("$candidate on PATH (java $version)")
  fi

  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    version="$(java_feature_version "$candidate")" || continue
    if ((version > best_version)); then
      best="$candidate"
      best_version="$version"
    fi
    found+=("$candidate (java $version)")
  done
  if [[ -n "$best" ]] && ((best_version >= SWITCHBOARD_MIN_JAVA)); then
    echo "$best"
    return 0
  fi

  local summary="none"
  if ((${#found[@]} > 0)); then
    summary="$(printf '%s; ' "${found[@]}")"
    summary="${summary%; }"
  fi
  echo "Switchboard needs a JDK $SWITCHBOARD_MIN_JAVA or newer; found: $summary; install one or set JAVA_HOME" >&2
  return 1
}

# Prints the home directory of the JDK find_switchboard_java picks.
find_switchboard_java_home() {
  local java
  java="$(find_switchboard_java)" || return 1
  java="$(readlink -f "$java")"
  dirname "$(dirname "$java")"
}
