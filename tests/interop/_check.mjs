import { isImmutableString } from "@automerge/automerge-repo"
import { connect } from "./common.mjs"
const repo = await connect(process.argv[2]); const h = await repo.find(process.argv[3])
for (const [id, t] of Object.entries(h.doc().tasks)) console.log(id, typeof t.title, isImmutableString(t.title))
process.exit(0)
