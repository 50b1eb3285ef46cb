// Folds the rows of other quota runs (their <NAME>.json, or the <NAME>.quota-progress.json a run
// cut short left) into one results file of part "quota", and renders its Markdown again:
//   node bench/mergeQuota.mjs bench/results.json bench/results-quota-skip.json 'bench/<name>.quota-progress.json::<command>' ...
// (`::<command>`: the command that produced a progress file, which does not record it.)
// Used for rows run as their own process (another mode, another N) after the main run.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { beforeRun, renderMarkdown } from "./report.mjs";

const [target, ...others] = process.argv.slice(2);
if (!target || others.length === 0) throw new Error("usage: node bench/mergeQuota.mjs <results.json> <other results or progress json>...");
const r = JSON.parse(readFileSync(target, "utf8"));
r.quota.mergedFrom = [];
for (const arg of others) {
    const [f, given] = arg.split("::");
    const o = JSON.parse(readFileSync(f, "utf8"));
    const rows = o.quota?.rows ?? o.rows ?? [];
    // Merging the same file again replaces its rows instead of doubling them.
    const same = (x, y) => x.n === y.n && x.sms === y.sms && x.mode === y.mode && x.parallel === y.parallel;
    r.quota.rows = r.quota.rows.filter((x) => !rows.some((y) => same(x, y)));
    r.quota.rows.push(...rows);
    r.quota.mergedFrom.push({
        file: basename(f),
        rows: rows.length,
        command: o.command ?? given,
        startedAt: o.startedAt,
        loadAverageAtStart: o.machine?.loadAverageAtStart,
    });
}
r.quota.rows.sort((a, b) => a.n - b.n || Number(a.sms) - Number(b.sms));
writeFileSync(target, JSON.stringify(r, null, 2) + "\n");
const md = target.replace(/\.json$/, ".md");
writeFileSync(md, renderMarkdown(r, { json: basename(target), before: beforeRun(basename(target, ".json")) }));
process.stdout.write(`merged ${others.length} file(s) into ${target} and ${md}\n`);
