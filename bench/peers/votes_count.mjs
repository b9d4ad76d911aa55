// Counts a BLT file with the `votes` npm package, as a peer for veche's benchmarks.
// Usage: node votes_count.mjs irv|schulze FILE   → prints the winner's name.
//
// The file is read and grouped here, so the peer's time includes reading, as veche's does.
// Identical ballots are merged with a Map keyed by the line's text: the package's own
// utils.groupBallots rebuilds its result array for every ballot (quadratic), which would
// measure that helper rather than the package's counting, and would not finish on a
// million ballots. Its counts themselves (InstantRunoff, Schulze) are used as they are.
import { significantLines } from './blt_lines.mjs';
import { InstantRunoff, Schulze, utils } from 'votes';

const [method, path] = process.argv.slice(2);
if (!['irv', 'schulze'].includes(method) || !path) {
  console.error('usage: node votes_count.mjs irv|schulze FILE');
  process.exit(2);
}

const significant = significantLines(path);

const [candidateCount] = significant().split(/\s+/).map(Number);
const names = [];
for (let i = 0; i < candidateCount; ++i) names.push(`c${i + 1}`);

// Withdrawn candidates (`-2 -5`) are left out of the candidate list the count sees.
let text = significant();
if (text.startsWith('-')) {
  const withdrawn = new Set(text.split(/\s+/).map((t) => `c${-Number(t)}`));
  names.splice(0, names.length, ...names.filter((n) => !withdrawn.has(n)));
  text = significant();
}

const groups = new Map();  // ranking text → weight
for (; text !== null && text !== '0'; text = significant()) {
  const space = text.search(/\s/);
  const weight = Number(text.slice(0, space));
  const ranking = text.slice(space + 1).replace(/\s+0$/, '');
  groups.set(ranking, (groups.get(ranking) ?? 0) + weight);
}
const ballots = [];
for (const [ranking, weight] of groups) {
  const ranks = ranking === '0' ? [] : ranking.split(/\s+/).map((c) => [`c${c}`]);
  ballots.push({ ranking: ranks, weight });
}

let ranking;
if (method === 'irv') {
  ranking = new InstantRunoff({ candidates: names, ballots }).ranking();
} else {
  const matrix = utils.matrixFromBallots(ballots, names);
  ranking = new Schulze(matrix).ranking();
}
// The names follow the ballots, one a line, in candidate order.
const fileNames = [];
for (let t = significant(); t !== null && fileNames.length < candidateCount; t = significant()) {
  fileNames.push(t.replace(/^"|"$/g, ''));
}
// A tie at the top prints every tied winner, comma-separated.
console.log(ranking[0].map((c) => fileNames[Number(c.slice(1)) - 1]).join(', '));
