// Counts a BLT file with the `caritat` npm package (IRV and Schulze), as a second peer for
// veche's benchmarks beside `votes`.
// Usage: node caritat_count.mjs irv|schulze FILE   → prints the winner's name.
//
// The file is read and identical ballots merged by blt_ballots.mjs, so the time includes
// reading, as veche's does; each merged ballot goes in through the package's own
// `Election.addBallot` (which checks it) with its count, and the counts are the package's
// `irv` and `condorcet.schulze`, used as they are.
//
// Two rules of the package that differ from veche's, said where they show:
// - its IRV majority is a share of all ballots, exhausted ones included. When no one ever
//   has more than half of them, its loop eliminates the last candidate too and then never
//   ends. Its event log is watched for that elimination: the last candidate standing is
//   the IRV winner all the same (a candidate with a majority of the continuing ballots is
//   never the lowest), so that candidate is printed and a note goes to stderr.
// - its IRV breaks a tie for last place by lot (lodash's `sample`, unseeded); a note on
//   stderr says when it did, since veche breaks the same tie by earlier rounds first.
import { readBltBallots } from './blt_ballots.mjs';
import caritat from 'caritat';

const [method, path] = process.argv.slice(2);
if (!['irv', 'schulze'].includes(method) || !path) {
  console.error('usage: node caritat_count.mjs irv|schulze FILE');
  process.exit(2);
}

const { candidates, ballots, names } = readBltBallots(path, (number) => `c${number}`);
const nameOf = (candidateId) => names[Number(candidateId.slice(1)) - 1];

const election = new caritat.Election({ candidates });
for (const { ranking, weight } of ballots) {
  const votes = ranking.map((rank) => (rank.length === 1 ? rank[0] : rank));
  election.addBallot(new caritat.Ballot(votes, weight));
}

class LastStanding {
  constructor(candidate) {
    this.candidate = candidate;
  }
}

function countIrv() {
  const log = (event) => {
    if (event.type === 'tiebreak') {
      console.error(`caritat: a tie for last place (${event.tied.map(nameOf).join(', ')}) ` +
                    `broken by lot: ${nameOf(event.candidate)} out`);
    }
    const standing = Object.keys(event.state);
    if (event.type === 'eliminated' && standing.length === 1) throw new LastStanding(standing[0]);
  };
  try {
    return caritat.irv(election, { log });
  } catch (e) {
    if (!(e instanceof LastStanding)) throw e;
    console.error('caritat: no candidate had more than half of all ballots (exhausted ones ' +
                  'included); the last candidate standing is printed');
    return e.candidate;
  }
}

const winner = method === 'irv' ? countIrv() : caritat.condorcet.schulze(election)[0];
console.log(nameOf(winner));
