import { isAscii, isUtf8 } from "node:buffer";
import type { SourceFile } from "../source-file.js";
import { CSV_MESSAGES } from "./csv-problem-codes.js";

/**
 * Shared by checkedText and its reader (csvRows): the fault that ended the text, if any (a binary file or
 * another encoding), and `stop`, set by the reader to end the text early.
 */
export interface TextState {
  fault: { line: number; message: string } | undefined;
  stop: boolean;
}

/** Bytes of one unfinished line held across chunks before it is passed on, cut at a whole character. */
const MAX_CARRY = 16 * 1024 * 1024;

/**
 * Decodes UTF-8 whole lines at a time. At a NUL byte, invalid UTF-8 or a UTF-16 byte-order mark it records
 * the fault and its line in `state` and ends, having passed on only the complete lines before it.
 */
export async function* checkedText(file: SourceFile, state: TextState): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8"); // drops a leading BOM
  // Bytes passed on so far. Lines are counted only when a fault needs its line number (by reading the
  // file again up to it): counting them in every chunk cost a sixth of the reading time.
  let offset = 0;
  let first = true;
  let carry: Uint8Array = new Uint8Array(0);
  const fault = async (at: number, message: string) => {
    state.fault = { line: await lineAt(file, at), message };
  };
  let decoded = false;
  /** Whole lines of text: the text, or the fault's byte offset in `body` with the text before its line. */
  const feed = (body: Uint8Array): { text?: string; bad?: number } => {
    const nul = body.indexOf(0);
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    const bad = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid;
    if (bad >= 0) {
      const lineStart = body.lastIndexOf(10, bad) + 1;
      const good = body.subarray(0, lineStart);
      return { text: good.length > 0 ? decoder.decode(good, { stream: true }) : undefined, bad };
    }
    // Plain ASCII after the first piece (the decoder must see that one, for its BOM) needs no decoding: a
    // one-byte copy is several times faster. Pieces end on whole lines, so the decoder holds nothing back.
    if (decoded && isAscii(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1") };
    decoded = true;
    return { text: decoder.decode(body, { stream: true }) };
  };
  /** Passes on `body` (whole lines); false once a fault is recorded. */
  const pass = async function* (body: Uint8Array): AsyncGenerator<string, boolean> {
    const { text, bad } = feed(body);
    if (bad !== undefined) await fault(offset + bad, body[bad] === 0 ? CSV_MESSAGES.nul : CSV_MESSAGES.notUtf8);
    offset += body.length;
    if (text) yield text;
    return !state.fault;
  };
  const utf16 = (data: Uint8Array) => data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
  // Pieces of a line longer than a chunk, joined once when the line ends (copying the growing carry on
  // every chunk made a 50 MB single-line file take seconds).
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const chunk of file.chunks()) {
    if (state.stop) return;
    if (!first && chunk.indexOf(10) === -1 && carry.length + heldBytes + chunk.length <= MAX_CARRY) {
      held.push(chunk);
      heldBytes += chunk.length;
      continue;
    }
    if (held.length > 0) {
      carry = concat(carry, ...held);
      held.length = 0;
      heldBytes = 0;
    }
    let data = chunk;
    if (first) {
      data = carry.length > 0 ? concat(carry, chunk) : chunk;
      carry = new Uint8Array(0);
      if (data.length < 2) {
        carry = data.slice();
        continue;
      }
      first = false;
      if (utf16(data)) {
        await fault(0, CSV_MESSAGES.utf16);
        return;
      }
    } else if (carry.length > 0) {
      // The line the last chunk left unfinished, completed on its own: the rest of the chunk is not copied.
      const end = chunk.indexOf(10);
      if (end >= 0) {
        const line = concat(carry, chunk.subarray(0, end + 1));
        carry = new Uint8Array(0);
        if (!(yield* pass(line))) return;
        data = chunk.subarray(end + 1);
      } else {
        data = concat(carry, chunk);
        carry = new Uint8Array(0);
      }
    }
    // Pass on whole lines only, so a fault never leaves half a line behind it.
    let cut = data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length > MAX_CARRY) cut = completeLength(data);
    carry = data.slice(cut);
    data = data.subarray(0, cut);
    if (data.length === 0) continue;
    if (!(yield* pass(data))) return;
  }
  if (state.stop) return;
  if (held.length > 0) carry = concat(carry, ...held);
  if (carry.length > 0) {
    if (first && utf16(carry)) {
      await fault(0, CSV_MESSAGES.utf16);
      return;
    }
    if (!(yield* pass(carry))) return;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** The 1-based line on which byte `offset` of a file lies: its line feeds before it, plus one. */
async function lineAt(file: SourceFile, offset: number): Promise<number> {
  let line = 1;
  let at = 0;
  for await (const chunk of file.chunks()) {
    const end = Math.min(chunk.length, offset - at);
    for (let i = chunk.indexOf(10); i >= 0 && i < end; i = chunk.indexOf(10, i + 1)) line++;
    at += chunk.length;
    if (at >= offset) break;
  }
  return line;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Length of `data` without a trailing incomplete UTF-8 sequence. */
function completeLength(data: Uint8Array): number {
  const n = data.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = data[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Index of the first byte of the first invalid UTF-8 sequence (data.length when there is none). */
function firstInvalidUtf8(data: Uint8Array): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = data[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return data.length;
}
