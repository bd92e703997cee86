#!/usr/bin/env bash
# The site-sized corpus figures of README "Figures on a site-sized corpus": start with the index
# built, latency under load, latency under load while the corpus changes, and how soon an added
# article is answered and a deleted one gone.
#
#   eval/bench-live-corpus.sh CORPUS_DIR WORK_DIR [PORT]
#
# CORPUS_DIR: the corpus (for the README figures: SciFact's corpus.jsonl and the seed article).
# WORK_DIR:   where the index and the embedding cache live; run `index` with the same
#             CORPUS_PATH/INDEX_PATH/DATA_PATH first, or the first start builds them.
# JAVA_OPTS: more JVM options for the server (the README figures: -XX:+UseSerialGC).
# Needs wrk (Debian package wrk) and the jar (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(realpath "$1"); WORK=$(realpath "$2"); PORT=${3:-8097}
JAR=target/evidence-bot.jar
ARTICLE=eval/articles/caffeine-and-performance.md
QUESTION="Do cyclists ride faster after taking caffeine?"
export CORPUS_PATH="$CORPUS" INDEX_PATH="$WORK/index" DATA_PATH="$WORK/data"
export ADMIN_TOKEN=bench-token MICRONAUT_SERVER_PORT=$PORT
rm -f "$CORPUS/$(basename $ARTICLE)"

start=$(date +%s%N)
java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$CORPUS/$(basename $ARTICLE)"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/health)" = 200 ]; do sleep 0.05; done
echo "healthy $(( ($(date +%s%N) - start) / 1000000 )) ms after launch (index built)"

wrk -t2 -c8 -d10s -s eval/wrk-ask.lua http://127.0.0.1:$PORT > /dev/null   # warm-up
echo "--- load, 8 connections, 30 s"
wrk -t2 -c8 -d30s --latency -s eval/wrk-ask.lua http://127.0.0.1:$PORT | grep -E "50%|99%|Requests/sec|Non-2xx|Socket errors"
echo "RSS $(( $(ps -o rss= -p $SERVER) / 1024 )) MB at -Xmx512m"

echo "--- load, 8 connections, 40 s, while an article is added, deleted, and an admin reindex runs"
wrk -t2 -c8 -d40s --latency -s eval/wrk-ask.lua http://127.0.0.1:$PORT > "$WORK/wrk-reload.txt" &
WRK=$!
sleep 5; cp "$ARTICLE" "$CORPUS/.incoming.tmp" && mv "$CORPUS/.incoming.tmp" "$CORPUS/$(basename $ARTICLE)"
sleep 10; rm -f "$CORPUS/$(basename $ARTICLE)"
sleep 10; curl -s -X POST -H "Authorization: Bearer $ADMIN_TOKEN" http://127.0.0.1:$PORT/api/admin/reindex > /dev/null
sleep 5; curl -s http://127.0.0.1:$PORT/health; echo
wait $WRK
grep -E "50%|99%|requests in|Requests/sec|Non-2xx|Socket errors" "$WORK/wrk-reload.txt" || true
grep -c "knowledge base reloaded" "$WORK/server.log" | sed 's/^/reloads during the run: /'
grep "knowledge base reloaded" "$WORK/server.log" | sed 's/.*reloaded/  reloaded/'
kill $SERVER; wait $SERVER 2>/dev/null || true

echo "--- added article answerable / deleted article gone (in process, same watcher and reload)"
java -Xmx512m -jar "$JAR" bench --reload --article "$ARTICLE" --question "$QUESTION" --runs 5 2>/dev/null | grep -v "^indexing"
