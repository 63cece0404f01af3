// Reading one table of a page that has two, each with its own pager: the names in its rows, the
// links its pager offers and its "Showing" line.
import assert from "node:assert/strict";
import { decode } from "./waypoint.mjs";

export async function pagedTable(client, path, id) {
  const page = await client.get(path);
  assert.equal(page.status, 200);
  const table = page.text.match(new RegExp(`<table class="govuk-table" id="${id}">([\\s\\S]*?)</table>[\\s\\S]*?(?=<table|<p class="govuk-body waypoint-no-print">)`));
  assert.ok(table, `the page has the table ${id}`);
  const names = [...table[1].matchAll(/<th scope="row" class="govuk-table__header">([^<]*)<\/th>/g)].map((m) => decode(m[1]));
  const links = Object.fromEntries([...table[0].matchAll(/href="([^"]*)" rel="(prev|next)"/g)].map((m) => [m[2], decode(m[1])]));
  const shown = table[0].match(/Showing (\d+) to (\d+) of (\d+) (\w+)/)?.slice(1) ?? null;
  return { names, links, shown };
}
