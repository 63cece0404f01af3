// Stops and starts the PostgreSQL test cluster that ctest started (scripts/start-postgres), as an
// operator restarting the database would, with the same port and settings.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const bin = "/usr/lib/postgresql/15/bin";

function clusterDir() {
  const state = readFileSync(process.env.WAYPOINT_PG_STATE, "utf8");
  const match = state.match(/WAYPOINT_PG_DIR=(\S+)/);
  if (!match) throw new Error("no PostgreSQL test cluster: run through ctest, which starts one");
  return match[1];
}

function asOwner(args) {
  const root = process.getuid && process.getuid() === 0;
  return root ? execFileSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" }) : execFileSync(args[0], args.slice(1), { encoding: "utf8" });
}

// The options the cluster was started with, without its data folder, from postmaster.opts.
function startOptions(dir) {
  const words = [...readFileSync(`${dir}/data/postmaster.opts`, "utf8").matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const out = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === "-D") i++;
    else out.push(words[i].includes(" ") ? `'${words[i]}'` : words[i]);
  }
  return out.join(" ");
}

export function stopCluster() {
  const dir = clusterDir();
  const options = startOptions(dir);
  asOwner([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
  return () => asOwner([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", "-t", "60", "-o", options, "start"]);
}
