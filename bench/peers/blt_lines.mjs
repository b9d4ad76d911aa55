// The lines of a BLT file as the peer scripts read them: `next()` gives the next line that
// is neither blank nor a comment, trimmed, or null at the end of the file.
import { readFileSync } from 'node:fs';

export function significantLines(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  let line = 0;
  return () => {
    while (line < lines.length) {
      const text = lines[line++].trim();
      if (text !== '' && !text.startsWith('#')) return text;
    }
    return null;
  };
}
