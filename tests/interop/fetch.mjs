// A stock automerge-repo client that prints a document as JSON.
//
//   node fetch.mjs <ws-url> <automerge-url>
//
// stdout: {"event":"loaded","doc":{...}}; exit 0, or exit 2 (message on stderr)
// when the document is not available within 15 s.
import { connect, emit, exit, fail } from "./common.mjs"

const [wsUrl, docUrl] = process.argv.slice(2)
if (docUrl === undefined) fail("usage: node fetch.mjs <ws-url> <automerge-url>")

const deadline = AbortSignal.timeout(15_000)
const repo = await connect(wsUrl, 15_000)
const handle = await repo
  .find(docUrl, { signal: deadline })
  .catch((err) => fail(deadline.aborted ? `${docUrl} not available within 15 s` : err.message, repo))

// ImmutableString (scalar string) has toJSON(), so JSON.stringify writes it as a plain string.
emit({ event: "loaded", doc: handle.doc() })
await exit(0, repo)
