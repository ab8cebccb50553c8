/** One file of a tar archive. */
export interface TarEntry {
  name: string;
  content: string;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, type: '0' | 'x'): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => block.set(encoder.encode(text), offset);
  put(name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  // mtime 0: the same documents give the same bytes, so ETags and round trips stay stable.
  put(octal(0, 12), 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

const padding = (size: number) => new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);

/**
 * One file as POSIX ustar blocks (a pax `path` record first when the name is longer than the
 * 100 bytes ustar holds). Concatenate entries and end with `tarEnd()`.
 */
export function tarEntry(entry: TarEntry): Uint8Array[] {
  const body = encoder.encode(entry.content);
  const parts: Uint8Array[] = [];
  const nameBytes = encoder.encode(entry.name).length;
  if (nameBytes > 100) {
    const record = (length: number) => `${length} path=${entry.name}\n`;
    let length = encoder.encode(record(0)).length;
    while (encoder.encode(record(length)).length !== length)
      length = encoder.encode(record(length)).length;
    const pax = encoder.encode(record(length));
    parts.push(header('PaxHeader', pax.length, 'x'), pax, padding(pax.length));
  }
  const shortName = nameBytes > 100 ? entry.name.slice(-90).replace(/^[^/]*\//, '') : entry.name;
  parts.push(header(shortName, body.length, '0'), body, padding(body.length));
  return parts;
}

/** The two empty blocks that end an archive. */
export function tarEnd(): Uint8Array {
  return new Uint8Array(BLOCK * 2);
}

/** A whole archive in memory, for one article's files. */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const parts = [...entries.flatMap(tarEntry), tarEnd()];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
