import { runToEnd, type Steps } from './steps';

/** Characters hashed in one step: a 1,000-item meeting's JSON is a few million. */
const STEP_CHARS = 1 << 16;

/** A stable 64-bit content hash (two FNV-1a-style 32-bit lanes) over a record's canonical JSON.
 * Synchronous, so it runs the same in the content script, Node and tests. Not for security. */
export function contentHash(value: unknown): string {
  return runToEnd(hashSteps([JSON.stringify(value)]));
}

/** The same hash of the text the pieces make together, a step per 64K characters. */
export function* hashSteps(pieces: string[]): Steps<string> {
  const length = pieces.reduce((n, piece) => n + piece.length, 0);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ length;
  for (const text of pieces) {
    for (let start = 0; start < text.length; start += STEP_CHARS) {
      const end = Math.min(text.length, start + STEP_CHARS);
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      yield;
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** `JSON.stringify` of an array, in pieces, a step per element: their concatenation is the array's JSON. */
export function* jsonArrayPieces(values: readonly unknown[]): Steps<string[]> {
  const pieces = ['['];
  for (let i = 0; i < values.length; i++) {
    if (i > 0) pieces.push(',');
    // As JSON.stringify writes an array element: null for what has no JSON.
    pieces.push(JSON.stringify(values[i]) ?? 'null');
    yield;
  }
  pieces.push(']');
  return pieces;
}
