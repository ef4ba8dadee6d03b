import { Repo, ImmutableString } from "@automerge/automerge-repo"
import { BrowserWebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"
const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(process.argv[2])] })
await new Promise(r => repo.networkSubsystem.once("peer", r))
const h = repo.create({ kind: "board", tasks: { t1: { title: new ImmutableString("First") }, t2: { title: new ImmutableString("Second") } } })
console.log(h.url)
await new Promise(r => setTimeout(r, 1500))
await repo.shutdown(); process.exit(0)
