# shellcheck shell=bash
# The services' ahead-of-time caches (JDK 25, JEP 483/514). Start-up is CPU-bound: six JVMs each
# loading, verifying and linking ~20,000 classes on two cores; with a cache a service maps those
# classes already loaded and linked. Once a stack is up, `up` makes the missing caches in the
# background, once per build: the jar is extracted beside it (a cache cannot hold classes from
# nested jars) and a training run refreshes the Spring context and exits
# (spring.context.exit=onRefresh: no web server, no Kafka Streams, nothing consumed or written).
# Whatever goes wrong, a service starts from its jar as built, without a cache, and a cache the JVM
# finds stale or broken it ignores. SWITCHBOARD_AOT_CACHE: auto (make and use), use (never make),
# off (never use).
# The broker has a cache too (the kafka_2.13 jars are a plain class path, nothing to extract): it
# is the first to start and every service waits for it. Its training run is a
# broker of its own (its own ports and storage, under the cache's directory), stopped with SIGTERM
# once it answers metadata requests; the JVM writes the cache as it exits.
# Uses from bin/switchboard: ROOT, JAVA, LOGS, PIDS, SERVICES, SERVICE_JVM_FLAGS, STOP_GRACE,
# BROKER_LIB, BROKER_JVM_FLAGS, BROKER_LOG_CONFIG, service_jar, set_settings_of (SETTINGS),
# start_detached, running_pid, process_alive, command_line_of, write_server_properties,
# broker_java, port_open, run_cli.

AOT_TRAINING_TIMEOUT=1200

# <module>/target/<service>-aot/: survives `down --purge`, goes with `mvn clean`, and keeps the pid
# marker (/<module>/target/<service>) in the command line.
aot_dir_of() {
  local jar
  jar="$(service_jar "$1")"
  echo "$(dirname "$jar")/$1-aot"
}

aot_wanted() {
  [[ "${SWITCHBOARD_AOT_CACHE:-auto}" != off ]] || return 1
  if [[ -z "${AOT_JAVA_VERSION:-}" ]]; then
    AOT_JAVA_VERSION="$(java_feature_version "$JAVA")" || AOT_JAVA_VERSION=0
  fi
  ((AOT_JAVA_VERSION >= 25))
}

# What a cache was made from: the jar as built, the JDK, the JVM flags. Any change makes it stale
# (the JVM checks its own part again and ignores a cache that does not match).
aot_key_of() { aot_key_from "${SERVICE_JVM_FLAGS[*]}" "$(service_jar "$1")"; }

# aot_key_from <flags> <file>...: the files' name, size and mtime, the JDK's, then the flags.
aot_key_from() {
  local flags="$1" java
  shift
  java="$(readlink -f "$JAVA")"
  stat -c '%n %s %Y' "$@" "$java" "$(dirname "$java")/../lib/modules" 2>/dev/null
  echo "$flags"
}

aot_fresh() { aot_cache_holds "$(aot_dir_of "$1")" app.aot "$(aot_key_of "$1")"; }

# aot_cache_holds <dir> <cache> <key>: the cache is complete and was made for this key.
aot_cache_holds() {
  [[ -s "$1/$2" && -f "$1/made-from" && "$(<"$1/made-from")" == "$3" ]]
}

# aot_failed_for <dir> <key>: a training for this key failed by itself (it is not repeated).
aot_failed_for() { [[ -f "$1/failed-for" && "$(<"$1/failed-for")" == "$2" ]]; }

# The broker's jars in a fixed order: a cache holds only for the class path it was made with.
broker_classpath() {
  local jars=("$BROKER_LIB"/*.jar)
  (IFS=:; echo "${jars[*]}")
}

# <module>/target/broker-aot/, like the services' (gone with `mvn clean`).
broker_aot_dir() { echo "$(dirname "$BROKER_LIB")/broker-aot"; }

broker_aot_key() { aot_key_from "${BROKER_JVM_FLAGS[*]}" "$BROKER_LIB"/*.jar; }

broker_aot_fresh() { aot_cache_holds "$(broker_aot_dir)" broker.aot "$(broker_aot_key)"; }

# Sets LAUNCH to the broker's JVM arguments before its main class: the class path, and the cache
# when fresh.
set_broker_launch() {
  LAUNCH=(-cp "$(broker_classpath)")
  if aot_wanted && broker_aot_fresh; then
    LAUNCH=("-XX:AOTCache=$(broker_aot_dir)/broker.aot" "${LAUNCH[@]}")
  fi
}

# Sets LAUNCH to the JVM arguments after the flags: the extracted jar and its cache when fresh,
# else the jar as built.
set_launch_of() {
  local svc="$1" dir jar
  jar="$(service_jar "$svc")"
  dir="$(aot_dir_of "$svc")"
  if aot_wanted && aot_fresh "$svc"; then
    LAUNCH=("-XX:AOTCache=$dir/app.aot" -jar "$dir/app/$(basename "$jar")")
  else
    LAUNCH=(-jar "$jar")
  fi
}

# Starts training, in the background at the lowest priority, the caches the stack's services lack
# for their current jars; the next start of a service uses its cache. Only on a stack that is up:
# a training run's context refresh needs the broker (the topics). A training that failed is not
# repeated for the same jar; one that `down` stopped is.
train_aot_caches_in_background() {
  [[ "${SWITCHBOARD_AOT_CACHE:-auto}" == auto ]] && aot_wanted || return 0
  local svc pid stale=()
  if pid="$(aot_trainer_pid)"; then return 0; fi
  for svc in "${SERVICES[@]}"; do
    aot_fresh "$svc" && continue
    # A service still running from an older extraction keeps it until it stops.
    pid="$(running_pid "$svc")" && command_line_of "$pid" | grep -qF -- "$(aot_dir_of "$svc")/" && continue
    aot_failed_for "$(aot_dir_of "$svc")" "$(aot_key_of "$svc")" && continue
    stale+=("$svc")
  done
  if ! broker_aot_fresh && ! aot_failed_for "$(broker_aot_dir)" "$(broker_aot_key)"; then
    stale=(kafka ${stale[@]+"${stale[@]}"})
  fi
  ((${#stale[@]})) || return 0
  start_detached aot-training "$LOGS/aot-training.log" nice -n 19 "$ROOT/bin/switchboard" aot-train "${stale[@]}"
  echo "  aot cache  training ${stale[*]} in the background (the next start uses them; log: $LOGS/aot-training.log)"
}

aot_trainer_pid() {
  local pid
  [[ -f "$PIDS/aot-training.pid" ]] || return 1
  pid="$(<"$PIDS/aot-training.pid")"
  process_alive "$pid" && command_line_of "$pid" | grep -qF -- " aot-train " || return 1
  echo "$pid"
}

# `down` stops a training first: its run would fail without the broker.
stop_aot_training() {
  local pid
  if pid="$(aot_trainer_pid)"; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_GRACE))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "  aot cache  training stopped (the next up trains again)"
  fi
  rm -f "$PIDS/aot-training.pid"
}

# The background trainer (bin/switchboard aot-train <service>...): one service at a time.
cmd_aot_train() {
  local svc
  JAVA="$(find_switchboard_java)" || exit 1
  for svc in "$@"; do
    echo "=== $svc $(date '+%H:%M:%S')"
    if [[ "$svc" == kafka ]]; then
      if train_broker_aot_cache; then
        echo "kafka: cache made ($(broker_aot_dir)/broker.aot)"
      else
        echo "kafka: training failed, it starts without a cache ($(broker_aot_dir)/training.log)"
      fi
    elif train_aot_cache "$svc"; then
      echo "$svc: cache made ($(aot_dir_of "$svc")/app.aot)"
    else
      echo "$svc: training failed, it starts without a cache ($(aot_dir_of "$svc")/training.log)"
    fi
  done
}

# Extracts the jar and runs the training; the key is written last, so only a complete cache is used.
train_aot_cache() {
  local svc="$1" dir jar key log rc=0
  dir="$(aot_dir_of "$svc")"
  jar="$(service_jar "$svc")"
  key="$(aot_key_of "$svc")"
  log="$dir/training.log"
  rm -rf "$dir"
  mkdir -p "$dir"
  set_settings_of "$svc"
  # Port 0 and a state directory of its own: a training run never takes the service's. In the
  # trainer's process group (--foreground), so `down` stops the JVM too.
  (cd "$ROOT" &&
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" &&
    timeout --foreground "$AOT_TRAINING_TIMEOUT" env "${SETTINGS[@]}" SERVER_PORT=0 \
      "SPRING_KAFKA_STREAMS_STATE_DIR=$dir/training-state" \
      "$JAVA" "${SERVICE_JVM_FLAGS[@]}" "-XX:AOTCacheOutput=$dir/app.aot" \
      -Dspring.context.exit=onRefresh -jar "$dir/app/$(basename "$jar")") >"$log" 2>&1 </dev/null || rc=$?
  rm -rf "$dir/training-state"
  aot_training_ended "$dir" "$dir/app.aot" "$key" "$rc" "$log"
}

# aot_training_ended <dir> <cache> <key> <exit code> <log>: a complete cache gets its key (made-from,
# written last); else the cache goes, and a training that failed by itself is not repeated for
# this key (failed-for), where one stopped by a signal (down, the timeout) is tried again.
aot_training_ended() {
  local dir="$1" cache="$2" key="$3" rc="$4" log="$5"
  if ((rc == 0)) && [[ -s "$cache" ]]; then
    echo "$key" >"$dir/made-from"
    return 0
  fi
  echo "exit code $rc" >>"$log"
  rm -f "$cache"
  ((rc > 128 || rc == 124)) || echo "$key" >"$dir/failed-for"
  return 1
}

# A broker of its own on two free ports, started with -XX:AOTCacheOutput, stopped with SIGTERM once
# it answers metadata requests (the CLI's kafka-ready, which also exercises them); its JVM writes the
# cache on the way out. In the trainer's process group, so `down` stops it too.
train_broker_aot_cache() {
  local dir key log port="" candidate pid rc=0 waited=0
  dir="$(broker_aot_dir)"
  key="$(broker_aot_key)"
  log="$dir/training.log"
  rm -rf "$dir"
  mkdir -p "$dir/training"
  for candidate in $(shuf -i 30000-59998 -n 50); do
    if ! port_open "$candidate" && ! port_open $((candidate + 1)); then port="$candidate"; break; fi
  done
  if [[ -z "$port" ]]; then
    echo "no two free ports for a training broker" >"$log"
    return 1
  fi
  write_server_properties "$dir/training/server.properties" "$port" $((port + 1)) "$dir/training/data"
  exec 4>"$log"
  broker_java kafka.tools.StorageTool format -t "$(broker_java kafka.tools.StorageTool random-uuid 2>&4 | tail -n 1)" \
    -c "$dir/training/server.properties" >&4 2>&1 </dev/null || rc=$?
  if ((rc == 0)); then
    "$JAVA" "${BROKER_JVM_FLAGS[@]}" "-XX:AOTCacheOutput=$dir/broker.aot" \
      "-Dlog4j2.configurationFile=$BROKER_LOG_CONFIG" -cp "$(broker_classpath)" \
      kafka.Kafka "$dir/training/server.properties" >&4 2>&1 </dev/null &
    pid=$!
    until port_open "$port" || ! kill -0 "$pid" 2>/dev/null || ((waited >= AOT_TRAINING_TIMEOUT)); do
      sleep 1
      waited=$((waited + 1))
    done
    if ! kill -0 "$pid" 2>/dev/null; then
      rc=1 # it did not start: not again for this key
    elif ! run_cli kafka-ready --bootstrap "localhost:$port" --timeout 300s >&4 2>&1 </dev/null; then
      rc=124 # too slow on a busy machine, as a service's training timeout: again next time
    fi
    kill -TERM "$pid" 2>/dev/null || true
    # Writing the cache takes a while at nice 19; a broker that hangs on the way out is killed.
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 600)); do
      sleep 1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      rc=137
    fi
    wait "$pid" 2>/dev/null || true
  fi
  exec 4>&-
  rm -rf "$dir/training"
  aot_training_ended "$dir" "$dir/broker.aot" "$key" "$rc" "$log"
}
