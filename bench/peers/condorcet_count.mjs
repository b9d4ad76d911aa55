// Counts a BLT file with the `condorcet` npm package's Schulze method (winning votes), as
// another peer for veche's `schulze`.
// Usage: node condorcet_count.mjs FILE   → prints the winner's name (every tied winner,
// comma-separated, if several).
//
// The file is read and identical ballots merged by blt_ballots.mjs, so the time includes
// reading, as veche's does. A ballot is the package's `Map` of candidate → rank number
// (equal numbers for candidates ranked equal; the unranked are left out, below every
// ranked one), handed to `addBallot` with its weight. The package stores a weighted ballot
// as that many references to one Map and counts them one by one, so merging saves it
// memory, not time. The winners are the candidates with the most wins in its
// `rankWithValues` (the Schulze winner beats every other by the strongest paths).
import { readBltBallots } from './blt_ballots.mjs';
import condorcet from 'condorcet';

const [path] = process.argv.slice(2);
if (!path) {
  console.error('usage: node condorcet_count.mjs FILE');
  process.exit(2);
}

const { candidates, ballots, names } = readBltBallots(path);

const schulze = new condorcet.Schulze(new Set(candidates));
for (const { ranking, weight } of ballots) {
  const ranks = new Map();
  ranking.forEach((rank, place) => rank.forEach((c) => ranks.set(c, place + 1)));
  schulze.addBallot(ranks, weight);
}

const wins = schulze.rankWithValues();
const most = Math.max(...wins.values());
const winners = [...wins].filter(([, count]) => count === most).map(([c]) => names[c - 1]);
console.log(winners.join(', '));
