import { connect } from "./common.mjs"
const repo = await connect(process.argv[2]); const h = await repo.find(process.argv[3])
h.change(d => { d.tasks.t2.title = "plain" }); await new Promise(r => setTimeout(r, 1000)); process.exit(0)
