import type { GraphmlKey } from "./graphml-stream.js";
import type { SourceFile } from "./source-file.js";

/**
 * Where each interview's `<graph>` lies in a GraphML file, found by a byte scan rather than an XML parse, so
 * that each graph can be parsed on its own (in a worker thread, say). Only a plain file is split: its root
 * `<graphml>`, then anything up to the first `<graph>` (the keys: read by the key reader), then `<graph>`
 * elements with nothing between them but white space and comments, then `</graphml>`. Any other shape
 * (text, PIs or other elements between graphs, DOCTYPE, prefixed names, an unclosed root) gives undefined,
 * and the file is read whole by the XML parser, which names what is wrong with it.
 *
 * The scan is exact for well-formed XML: outside comments, CDATA sections and processing instructions a `<`
 * always opens markup (XML allows no `<` in attribute values), and a tag ends at the first `>` outside quotes.
 */

/** One `<graph>` element: bytes [start, end) of its file, and where it starts (1-based line and column). */
export interface GraphmlPiece {
  /** 0-based position among the file's graphs. */
  index: number;
  start: number;
  end: number;
  line: number;
  /** Characters (code points) before it on its line, plus one. */
  column: number;
}

const LT = 0x3c;
const GT = 0x3e;
const LF = 0x0a;
const SLASH = 0x2f;

class NotSplittable extends Error {}

/** The graphs of a file, in order; undefined when the file is not of the plain shape described above. */
export async function splitGraphml(file: SourceFile): Promise<GraphmlPiece[] | undefined> {
  const scanner = new PieceScanner();
  try {
    for await (const chunk of file.chunks()) scanner.push(chunk);
    return scanner.finish();
  } catch (e) {
    if (e instanceof NotSplittable) return undefined;
    throw e;
  }
}

/** One `<graph>` cut from its file, with what parsing it on its own needs (see parseGraphmlPiece). */
export interface GraphmlPieceSource {
  /** The file's name for messages. */
  name: string;
  index: number;
  line: number;
  column: number;
  bytes: Uint8Array;
  /** The file's keys, in declaration order. */
  keys: GraphmlKey[];
}

/** The pieces of a file as GraphmlPieceSources, in order, read in one pass. */
export async function* graphmlPieceSources(file: SourceFile, pieces: readonly GraphmlPiece[], keys: GraphmlKey[]): AsyncGenerator<GraphmlPieceSource> {
  let i = 0;
  for await (const bytes of graphmlPieceBytes(file, pieces)) {
    const { index, line, column } = pieces[i++];
    yield { name: file.name, index, line, column, bytes, keys };
  }
}

/** The pieces' bytes, in order, read from the file in one pass (a piece's bytes are its own copy). */
export async function* graphmlPieceBytes(file: SourceFile, pieces: readonly GraphmlPiece[]): AsyncGenerator<Uint8Array> {
  let next = 0;
  let offset = 0; // file offset of chunk[0]
  let held: Uint8Array[] = [];
  let heldFrom = 0;
  for await (const chunk of file.chunks()) {
    held.push(chunk);
    offset += chunk.length;
    while (next < pieces.length && pieces[next].end <= offset) {
      const p = pieces[next++];
      yield copyRange(held, heldFrom, p.start, p.end);
    }
    // Drop chunks that end before the next piece starts.
    const keepFrom = next < pieces.length ? pieces[next].start : offset;
    while (held.length > 0 && heldFrom + held[0].length <= keepFrom) heldFrom += held.shift()!.length;
  }
  if (next < pieces.length) throw new Error(`bug: ${file.name} is shorter than when it was split`);
  held = [];
}

function copyRange(chunks: Uint8Array[], from: number, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  let at = from;
  for (const c of chunks) {
    const lo = Math.max(start, at);
    const hi = Math.min(end, at + c.length);
    if (lo < hi) out.set(c.subarray(lo - at, hi - at), lo - start);
    at += c.length;
    if (at >= end) break;
  }
  return out;
}

/** The byte scan, fed chunk by chunk; an unfinished token is carried over to the next chunk. */
class PieceScanner {
  private rest: Uint8Array = new Uint8Array(0);
  /** File offset of rest[0]. */
  private base = 0;
  private line = 1;
  /** File offset where the current line starts, and code points from there to `base` (when it is before it). */
  private lineStart = 0;
  private lineToBase = 0;
  private depth = 0;
  private rootSeen = false;
  private rootClosed = false;
  /** The graph being read: where it starts, and how many `<graph>` elements are open inside it (itself included). */
  private graph: { start: number; line: number; column: number; open: number } | undefined;
  readonly pieces: GraphmlPiece[] = [];

  push(chunk: Uint8Array): void {
    const buf = this.rest.length === 0 ? chunk : concat(this.rest, chunk);
    const used = this.scan(buf, false);
    this.lineToBase = this.lineStart >= this.base ? codePoints(buf, this.lineStart - this.base, used) : this.lineToBase + codePoints(buf, 0, used);
    this.rest = buf.subarray(used);
    this.base += used;
  }

  finish(): GraphmlPiece[] {
    const used = this.scan(this.rest, true);
    if (used !== this.rest.length || !this.rootClosed || this.graph !== undefined || this.pieces.length === 0) throw new NotSplittable();
    return this.pieces;
  }

  /** Scans whole tokens of `buf`; returns how many bytes were consumed. */
  private scan(buf: Uint8Array, final: boolean): number {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      let j = buf.indexOf(LT, i);
      if (j === -1) j = n;
      if (j > i) {
        this.text(buf, i, j);
        i = j;
        if (j === n) break;
      }
      // A token's first bytes tell what it is: wait for them (a name cut by a chunk's end).
      if (n - j < 10 && !final) break;
      if (j + 1 >= n) throw new NotSplittable();
      const b1 = buf[j + 1];
      if (this.graph !== undefined && b1 !== 0x21 && b1 !== 0x3f) {
        // Inside a graph only <graph> and </graph> matter; any other tag is passed by its "<" (no "<" can be
        // inside a tag: XML allows none in attribute values).
        const closing = b1 === SLASH;
        if (!isGraphName(buf, j + (closing ? 2 : 1))) {
          i = j + 1;
          continue;
        }
      }
      const end = tokenEnd(buf, j);
      if (end === -1) {
        if (final) throw new NotSplittable();
        break;
      }
      this.token(buf, j, end);
      this.advance(buf, j, end);
      i = end;
    }
    return i;
  }

  private text(buf: Uint8Array, from: number, to: number): void {
    // Text directly in the root once graphs have begun (or after the root): not the plain shape.
    if ((this.depth === 1 && this.graph === undefined && this.pieces.length > 0) || this.rootClosed) {
      for (let k = from; k < to; k++) if (!isSpace(buf[k])) throw new NotSplittable();
    }
    this.advance(buf, from, to);
  }

  private token(buf: Uint8Array, at: number, end: number): void {
    const b1 = buf[at + 1];
    const outside = this.graph === undefined && (this.pieces.length > 0 || this.rootClosed);
    if (b1 === 0x21 /* ! */) {
      const comment = buf[at + 2] === 0x2d && buf[at + 3] === 0x2d;
      if (!comment && this.graph === undefined && this.depth <= 1 && (this.pieces.length > 0 || !this.rootSeen || this.rootClosed)) throw new NotSplittable();
      if (outside) for (let k = at; k < end; k++) if (buf[k] >= 0x80) throw new NotSplittable();
      return;
    }
    if (b1 === 0x3f /* ? */) {
      if (this.rootSeen && this.graph === undefined && (this.pieces.length > 0 || this.rootClosed)) throw new NotSplittable();
      return;
    }
    if (this.rootClosed) throw new NotSplittable();
    const closing = b1 === SLASH;
    const selfClosing = !closing && buf[end - 2] === SLASH;
    if (this.graph !== undefined) {
      // A <graph> or </graph> inside a graph (scan passes every other tag).
      if (closing) {
        if (--this.graph.open === 0) this.endGraph(end);
      } else if (!selfClosing) this.graph.open++;
      return;
    }
    const name = tagName(buf, at + (closing ? 2 : 1));
    if (this.depth <= 1 && name.includes(":")) throw new NotSplittable();
    if (closing) {
      this.depth--;
      if (this.depth === 0) {
        if (name !== "graphml") throw new NotSplittable();
        this.rootClosed = true;
      }
      return;
    }
    if (this.depth === 0) {
      if (name !== "graphml" || this.rootSeen || selfClosing) throw new NotSplittable();
      this.rootSeen = true;
    } else if (this.depth === 1) {
      if (name === "graph") {
        this.graph = { start: this.base + at, line: this.line, column: this.columnAt(buf, at), open: 1 };
        if (selfClosing) this.endGraph(end);
        return;
      }
      if (this.pieces.length > 0) throw new NotSplittable();
    }
    if (!selfClosing) this.depth++;
  }

  private endGraph(end: number): void {
    const g = this.graph!;
    this.pieces.push({ index: this.pieces.length, start: g.start, end: this.base + end, line: g.line, column: g.column });
    this.graph = undefined;
  }

  /** The 1-based column (in code points) of `buf[at]`. */
  private columnAt(buf: Uint8Array, at: number): number {
    const lineStart = this.lineStart - this.base;
    return (lineStart >= 0 ? codePoints(buf, lineStart, at) : this.lineToBase + codePoints(buf, 0, at)) + 1;
  }

  /** Counts the line feeds of bytes [from, to). */
  private advance(buf: Uint8Array, from: number, to: number): void {
    for (let k = buf.indexOf(LF, from); k !== -1 && k < to; k = buf.indexOf(LF, k + 1)) {
      this.line++;
      this.lineStart = this.base + k + 1;
    }
  }
}

/** UTF-8 code points in bytes [from, to). */
function codePoints(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if ((buf[k] & 0xc0) !== 0x80) n++;
  return n;
}

/** Whether the name at `from` is exactly `graph`. */
function isGraphName(buf: Uint8Array, from: number): boolean {
  if (buf[from] !== 0x67 || buf[from + 1] !== 0x72 || buf[from + 2] !== 0x61 || buf[from + 3] !== 0x70 || buf[from + 4] !== 0x68) return false;
  const b = buf[from + 5];
  return b === undefined || isSpace(b) || b === GT || b === SLASH;
}

/** The end (exclusive) of the markup token at `at` (`buf[at]` is `<`), or -1 when it runs past the buffer. */
function tokenEnd(buf: Uint8Array, at: number): number {
  const b1 = buf[at + 1];
  if (b1 === undefined) return -1;
  if (b1 === 0x21 /* ! */) {
    if (buf[at + 2] === 0x2d && buf[at + 3] === 0x2d) return after(buf, at + 4, "-->");
    if (at + 9 > buf.length) return -1;
    if (String.fromCharCode(...buf.subarray(at + 2, at + 9)) === "[CDATA[") return after(buf, at + 9, "]]>");
    return quotedEnd(buf, at + 2);
  }
  if (b1 === 0x3f /* ? */) return after(buf, at + 2, "?>");
  return quotedEnd(buf, at + 1);
}

function after(buf: Uint8Array, from: number, marker: string): number {
  const k = Buffer.from(buf.buffer, buf.byteOffset, buf.length).indexOf(marker, from, "latin1");
  return k === -1 ? -1 : k + marker.length;
}

/** The end of a tag: just past the first `>` outside single or double quotes. */
function quotedEnd(buf: Uint8Array, from: number): number {
  let quote = 0;
  for (let k = from; k < buf.length; k++) {
    const b = buf[k];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === GT) return k + 1;
  }
  return -1;
}

function tagName(buf: Uint8Array, from: number): string {
  let k = from;
  while (k < buf.length && !isSpace(buf[k]) && buf[k] !== GT && buf[k] !== SLASH) k++;
  return String.fromCharCode(...buf.subarray(from, Math.min(k, from + 64)));
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
