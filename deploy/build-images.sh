#!/bin/sh
# Builds the service images from the repository root.
#   deploy/build-images.sh                 # package with ./mvnw, then build chat/<module>:<version>
#   REGISTRY=ghcr.io/acme TAG=1.2.3 PUSH=1 deploy/build-images.sh
#   SKIP_PACKAGE=1 deploy/build-images.sh  # reuse jars already in */target
set -eu
cd "$(dirname "$0")/.."

VERSION=${VERSION:-0.1.0-SNAPSHOT}      # the Maven project version (names the jar)
TAG=${TAG:-$VERSION}
REGISTRY=${REGISTRY:-}
PREFIX=${REGISTRY:+$REGISTRY/}chat
MODULES="gateway message-service presence-service notification-service"

if [ -z "${SKIP_PACKAGE:-}" ]; then
  ./mvnw -q -DskipTests -pl gateway,message-service,presence-service,notification-service -am package
fi

for module in $MODULES; do
  jar="$module/target/$module-$VERSION.jar"
  [ -f "$jar" ] || { echo "missing $jar (run ./mvnw -DskipTests package)" >&2; exit 1; }
  image="$PREFIX/$module:$TAG"
  echo "building $image"
  DOCKER_BUILDKIT=1 docker build -f deploy/docker/Dockerfile \
    --build-arg MODULE="$module" --build-arg VERSION="$VERSION" -t "$image" .
  if [ -n "${PUSH:-}" ]; then docker push "$image"; fi
done
