#!/bin/sh
# Installs Debian's redis-server when it is missing: tests and benchmarks start their own
# instance on a free loopback port, so nothing needs to be running.
set -e
command -v redis-server >/dev/null 2>&1 && exit 0
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends redis-server
