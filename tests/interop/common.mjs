// Shared bits of the stock automerge-repo client scripts (client.mjs, fetch.mjs).
import { Repo } from "@automerge/automerge-repo"
import { BrowserWebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"

/** Print one JSON line on stdout (the scripts' machine-readable output). */
export const emit = (obj) => process.stdout.write(JSON.stringify(obj) + "\n")

/** Print a message on stderr and exit 2 (the scripts' "failed" code). */
export function fail(message) {
  process.stderr.write(`error: ${message}\n`)
  process.exit(2)
}

// The websocket adapter rethrows any socket error but ECONNREFUSED from an event
// handler (e.g. ws's "Unexpected server response: 401" when the token is rejected),
// which would otherwise crash with a stack trace.
process.on("uncaughtException", (err) => fail(err?.message ?? String(err)))

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A storage-less Repo that syncs through `wsUrl` (passed through unchanged: the
 * token rides in its query string because a browser WebSocket cannot set headers).
 * Resolves once the server has answered our "join" with "peer": the adapter
 * otherwise declares itself ready after 1 s regardless, and a `find` issued then
 * would report "unavailable" merely because the connection was slow or refused.
 */
export async function connect(wsUrl, timeoutMs = 10_000) {
  const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(wsUrl)] })
  const peer = new Promise((resolve) => repo.networkSubsystem.once("peer", resolve))
  const joined = await Promise.race([peer, sleep(timeoutMs).then(() => null)])
  if (!joined) fail(`no "peer" reply from ${wsUrl} within ${timeoutMs} ms`)
  return repo
}
