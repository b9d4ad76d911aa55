// Counts a BLT file with the `votes` npm package, as a peer for veche's benchmarks.
// Usage: node votes_count.mjs irv|schulze FILE   → prints the winner.
// The file is read and grouped here too, so the peer's time includes reading, as veche's does.
import { readFileSync } from 'node:fs';
import { InstantRunoff, Schulze, utils } from 'votes';

const [method, path] = process.argv.slice(2);
const lines = readFileSync(path, 'utf8').split('\n');
const [candidateCount] = lines[0].trim().split(/\s+/).map(Number);
let line = 1;
const rankings = [];
for (; line < lines.length; ++line) {
  const fields = lines[line].trim().split(/\s+/);
  if (fields[0] === '0') break;
  const weight = Number(fields[0]);
  const ranking = fields.slice(1, -1).map((c) => [`c${c}`]);
  rankings.push({ ranking, weight });
}
const names = [];
for (let i = 0; i < candidateCount; ++i) names.push(`c${i + 1}`);
const ballots = utils.groupBallots(rankings);
let ranking;
if (method === 'irv') {
  ranking = new InstantRunoff({ candidates: names, ballots }).ranking();
} else {
  const matrix = utils.matrixFromBallots(ballots, names);
  ranking = new Schulze(matrix).ranking();
}
const number = Number(ranking[0][0].slice(1)) - 1;
const nameLine = lines[line + 1 + number] ?? '';
console.log(nameLine.trim().replace(/^"|"$/g, ''));
