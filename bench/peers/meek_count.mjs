// Counts a BLT file with the meeks-prf-js npm package (the Proportional Representation
// Foundation's reference Meek rule), as a peer for veche's `stv-meek`.
//
// Usage: node meek_count.mjs FILE [--seats N] [--json]
//   prints the elected in order of election, one BLT candidate number a line; with --json,
//   one JSON object instead: {"seats", "elected": [numbers], "rounds": [{"quota",
//   "surplus", "iterations", "votes": {number: "x.xxxxxxxxx"}, "elected": [...],
//   "defeated": [...]}]} — every per-round figure the package exposes.
//
// The file is read and identical rankings merged here (a Map keyed by the line's text), so
// the time includes reading the file, as veche's does. The count itself is the package's
// `tabulate` with its default options (no batch defeats, dynamic ballot tree). Ties for
// defeat go to the candidate earliest in the BLT order, the package's tie-breaker list.
import { significantLines } from './blt_lines.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Meek = require('meeks-prf-js/run/meek.js');

const args = process.argv.slice(2);
let path = null;
let seatsOption = null;
let json = false;
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--seats') seatsOption = Number(args[++i]);
  else if (args[i] === '--json') json = true;
  else path = args[i];
}
if (!path) {
  console.error('usage: node meek_count.mjs FILE [--seats N] [--json]');
  process.exit(2);
}

const significant = significantLines(path);

const [candidateCount, fileSeats] = significant().split(/\s+/).map(Number);
const seats = seatsOption ?? fileSeats;
const id = (number) => `c${number}`;
const candidates = [];
for (let c = 1; c <= candidateCount; ++c) candidates.push(id(c));

let text = significant();
const withdrawn = [];
if (text.startsWith('-')) {
  for (const t of text.split(/\s+/)) withdrawn.push(id(-Number(t)));
  text = significant();
}

const groups = new Map();  // ranking text → number of ballots
for (; text !== null && text !== '0'; text = significant()) {
  const space = text.search(/\s/);
  const weight = Number(text.slice(0, space));
  const ranking = text.slice(space + 1).replace(/(^|\s+)0$/, '');
  groups.set(ranking, (groups.get(ranking) ?? 0) + weight);
}
const ballots = [];
for (const [ranking, weight] of groups) {
  ballots.push([weight, ranking === '' ? [] : ranking.split(/\s+/).map((c) => id(Number(c)))]);
}

const results = Meek.tabulate(seats, candidates, ballots, null, candidates, withdrawn, [], {},
                              null);

const number = (cid) => Number(cid.slice(1));
const figure = (d) => d.toString();
// Order of election: by round, then by votes when elected (highest first).
const elected = Object.values(results.statuses)
  .filter((s) => s.status === 'elected')
  .sort((a, b) => a.nbrRound - b.nbrRound || (b.votes.isGreater(a.votes) ? 1 : a.votes.isGreater(b.votes) ? -1 : 0))
  .map((s) => number(s.candidate));

if (!json) {
  for (const c of elected) console.log(c);
  process.exit(0);
}

const tally = results.tally;
const rounds = [];
for (let r = 0; r < tally[':Quota'].length; ++r) {
  const votes = {};
  for (const cid of candidates) {
    if (tally[cid] && r < tally[cid].length) votes[number(cid)] = figure(tally[cid][r]);
  }
  const happened = (status) => Object.values(results.statuses)
    .filter((s) => s.status === status && s.nbrRound === r + 1)
    .map((s) => number(s.candidate));
  rounds.push({
    quota: figure(tally[':Quota'][r]),
    surplus: figure(tally[':Total surplus'][r]),
    iterations: tally[':Iterations'][r],
    votes,
    elected: happened('elected'),
    defeated: happened('defeated'),
  });
}
console.log(JSON.stringify({ seats, elected, rounds }));
