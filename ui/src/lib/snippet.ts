export interface SnippetPart {
  text: string;
  match: boolean;
}

const START = '\u0002';
const END = '\u0003';

/**
 * Splits a search snippet into plain and matched runs. Markers that are
 * unbalanced or nested are tolerated: a stray END is dropped, a missing END
 * closes at the end of the string.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let buffer = '';
  let inMatch = false;
  const flush = () => {
    if (buffer) parts.push({ text: buffer, match: inMatch });
    buffer = '';
  };
  for (const ch of snippet) {
    if (ch === START) {
      if (!inMatch) {
        flush();
        inMatch = true;
      }
    } else if (ch === END) {
      if (inMatch) {
        flush();
        inMatch = false;
      }
    } else {
      buffer += ch;
    }
  }
  flush();
  return parts;
}
