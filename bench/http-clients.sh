#!/usr/bin/env bash
# HTTP client shootout: langchain4j's default JDK client against LeanHttpClient on each candidate engine, all under
# the real OpenAiStreamingChatModel, against the loopback OpenAI-compatible server (127.0.0.1 only). Prints a
# Markdown table per scenario on stdout; progress goes to stderr. About 15 minutes with the defaults, 6 with
# --rounds 3 --scenarios latency,rate.
#
#   bench/http-clients.sh [--rounds 5] [--warmup 4s] [--window 6s] [--scenarios latency,rate,single]
#                         [--clients jdk-default,lean-helidon,lean-jdk,lean-urlconnection,lean-socket,openai-helidon,openai-socket]
#
# Maven builds the test classes and starts the run on the JDK 21+ that the pom's toolchain selects (so the default
# java may be older); every measurement then runs in a fresh JVM of that same JDK. MAVEN_ARGS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
exec mvn -q -B ${MAVEN_ARGS:-} test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
  -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=-cp %classpath dev.yardstick.bench.HttpClientShootout $*"
