// A BLT file as the peer scripts hand it to the packages they time: the candidates still
// standing, the ballots with identical rankings merged, and the names.
//
// readBltBallots(path, id) → {
//   candidates: [ids]      the candidates standing, id(n) for BLT candidate number n
//                          (1-based), the withdrawn left out;
//   seats:      number     from the header;
//   ballots:    [{ ranking: [[ids]], weight }]  one entry a rank, best first; a rank holds
//               several where the file ranks candidates equal (`3=5`); withdrawn
//               candidates are struck from the rankings, as the format says;
//   names:      [strings]  names[n - 1], quotes removed.
// }
// `id` (the number itself by default) gives each package the candidate key it wants, so
// the rankings are built once, in that package's terms, and not copied again.
//
// Identical rankings are merged with a Map keyed by the line's text, as votes_count.mjs
// does: the package gets grouped ballots, and the grouping is part of its time, as it is
// in veche's.
import { significantLines } from './blt_lines.mjs';

export function readBltBallots(path, id = (number) => number) {
  const significant = significantLines(path);

  const [candidateCount, seats] = significant().split(/\s+/).map(Number);
  let text = significant();
  const withdrawn = new Set();
  if (text !== null && text.startsWith('-')) {
    for (const t of text.split(/\s+/)) withdrawn.add(-Number(t));
    text = significant();
  }

  const groups = new Map();  // ranking text → weight
  for (; text !== null && text !== '0'; text = significant()) {
    const space = text.search(/\s/);
    const weight = Number(text.slice(0, space));
    const ranking = text.slice(space + 1).replace(/(^|\s+)0$/, '');
    groups.set(ranking, (groups.get(ranking) ?? 0) + weight);
  }

  const ballots = [];
  for (const [text, weight] of groups) {
    const ranking = [];
    for (const token of text === '' ? [] : text.split(/\s+/)) {
      const rank = [];
      for (const part of token.includes('=') ? token.split('=') : [token]) {
        const c = Number(part);
        if (!withdrawn.has(c)) rank.push(id(c));
      }
      if (rank.length > 0) ranking.push(rank);
    }
    ballots.push({ ranking, weight });
  }

  const names = [];
  for (let t = significant(); t !== null && names.length < candidateCount; t = significant()) {
    names.push(t.replace(/^"|"$/g, ''));
  }

  const candidates = [];
  for (let c = 1; c <= candidateCount; ++c) {
    if (!withdrawn.has(c)) candidates.push(id(c));
  }
  return { candidates, seats, ballots, names };
}
