// A stock automerge-repo client: loads a board document through a sync server,
// prints every task title, retitles one task, and stays connected so the change
// reaches the server.
//
//   node client.mjs <ws-url> <automerge-url> <task-id> <new-title>
//
// stdout: {"event":"loaded","titles":{...}} then {"event":"changed"}
// exit 0 once stdin closes or 20 s pass after the change; exit 2 (message on
// stderr) when the server cannot be reached or the document/task is unavailable.
import { ImmutableString } from "@automerge/automerge-repo"
import { connect, emit, exit, fail, sleep } from "./common.mjs"

const [wsUrl, docUrl, taskId, newTitle] = process.argv.slice(2)
if (newTitle === undefined) fail("usage: node client.mjs <ws-url> <automerge-url> <task-id> <new-title>")

const repo = await connect(wsUrl)
const handle = await repo.find(docUrl).catch((err) => fail(err.message, repo)) // rejects when unavailable
const tasks = handle.doc().tasks ?? {}

// Titles are scalar strings (autosurgeon writes Rust `String`s as ScalarValue::Str).
// Automerge 3 JS reads those back as ImmutableString objects (and Text objects as
// plain JS strings); String() yields the text of either.
emit({
  event: "loaded",
  titles: Object.fromEntries(Object.entries(tasks).map(([id, t]) => [id, String(t.title)])),
})
if (!(taskId in tasks)) await fail(`no task ${taskId} in ${docUrl}`, repo)

// Keep the field a scalar. Checked with @automerge/automerge 3.5.0 (what
// automerge-repo 2.5.6 installs): assigning a plain JS string replaces the scalar
// with a new Text object (the field gets an object id, "n@actor"); assigning
// `new ImmutableString(s)` (the same class as Automerge's ImmutableString /
// RawString, re-exported by automerge-repo) writes a scalar string again.
handle.change((doc) => {
  doc.tasks[taskId].title = new ImmutableString(newTitle)
})
emit({ event: "changed" })

// Stay connected until told to stop (stdin closed) or 20 s pass; always give the
// throttled (100 ms) outgoing sync message a moment to leave before disconnecting.
process.stdin.resume()
await Promise.race([new Promise((resolve) => process.stdin.once("end", resolve)), sleep(20_000)])
await sleep(1000)
await exit(0, repo)
