// Shared bits of the stock automerge-repo client scripts (client.mjs, fetch.mjs).
import { Repo } from "@automerge/automerge-repo"
import { BrowserWebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"

/** Print one JSON line on stdout (the scripts' machine-readable output). */
export const emit = (obj) =>
  // Automerge reads 64-bit integers (such as unsigned schema versions) as BigInt,
  // which JSON cannot hold: write them as numbers.
  process.stdout.write(JSON.stringify(obj, (_, v) => (typeof v === "bigint" ? Number(v) : v)) + "\n")

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Disconnect `repo` (if any) cleanly, then exit with `code`. */
export async function exit(code, repo) {
  if (repo) {
    await repo.shutdown() // closes the socket...
    await sleep(100) // ...and lets the closing handshake finish before we exit
  }
  process.exit(code)
}

/** Print a message on stderr and exit 2 (the scripts' "failed" code). Never resolves. */
export function fail(message, repo) {
  process.stderr.write(`error: ${message}\n`)
  return exit(2, repo)
}

// The websocket adapter rethrows any socket error but ECONNREFUSED from an event
// handler (e.g. ws's "Unexpected server response: 401" when the token is rejected),
// which would otherwise crash with a stack trace.
process.on("uncaughtException", (err) => fail(err?.message ?? String(err)))

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
