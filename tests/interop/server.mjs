// The stock automerge-repo sync server, set up as the library's docs (and
// automerge-repo-sync-server) do: a `ws` WebSocketServer, NodeWSServerAdapter,
// NodeFSStorageAdapter and a Repo that announces nothing (sharePolicy → false)
// but answers requests for the documents it stores.
//
//   node server.mjs <port> <data-dir>
//
// Listens on 127.0.0.1:<port> (0 picks a free port) and prints
// {"event":"listening","port":N}; on SIGTERM/SIGINT flushes storage and exits 0.
import os from "node:os"
import { WebSocketServer } from "ws"
import { Repo } from "@automerge/automerge-repo"
import { NodeWSServerAdapter } from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"

const [port, dir] = process.argv.slice(2)
if (dir === undefined) {
  process.stderr.write("usage: node server.mjs <port> <data-dir>\n")
  process.exit(2)
}

const wss = new WebSocketServer({ host: "127.0.0.1", port: Number(port) })
const repo = new Repo({
  network: [new NodeWSServerAdapter(wss)],
  storage: new NodeFSStorageAdapter(dir),
  peerId: `storage-server-${os.hostname()}`,
  sharePolicy: async () => false, // don't push documents to clients who didn't ask
})

// Announce the port only once the repo has its storage id and its network adapter
// has connected (just after): a client joining earlier is closed unanswered.
wss.on("listening", async () => {
  await repo.storageId()
  await new Promise((resolve) => setTimeout(resolve, 50))
  process.stdout.write(JSON.stringify({ event: "listening", port: wss.address().port }) + "\n")
})

async function stop() {
  // Not repo.shutdown(): in 2.5.6 its flush() calls doc() on every cached handle
  // and throws "DocHandle is not ready" for one a client asked for but we don't
  // have (automerge-repo issue #740). Drop the clients, then save what is loaded.
  for (const socket of wss.clients) socket.terminate()
  wss.close() // the adapter's "close" listener stops its keep-alive timer
  const ready = Object.values(repo.handles).filter((h) => h.isReady())
  await repo.flush(ready.map((h) => h.documentId))
  process.exit(0)
}
process.once("SIGTERM", stop)
process.once("SIGINT", stop)
