/** Bytes 0x80–0x9F of windows-1252 as the WHATWG Encoding Standard maps them (index-windows-1252).
 * Node 20's TextDecoder('windows-1252') decodes these as Latin-1 C1 controls (’ comes out as
 * U+0092), silently, so old council pages lose their quotes and dashes. */
const WINDOWS_1252_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let out = '';
  const codes = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_C1[b - 0x80] ?? b) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The encoding a byte-order mark names, and the mark's length. */
function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 saved without a mark: markup is ASCII, so every other byte of the first ones is zero. */
function sniffUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.8 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.8 && oddZero === 0) return 'utf-16be';
  return null;
}

/** The encoding a page's `<meta charset>` or XML declaration names, by its WHATWG name
 * (`latin1`, `iso-8859-1`, `us-ascii` all name windows-1252); null when none or unknown. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w:.-]+)/i.exec(head)?.[1];
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    // A page whose bytes are ASCII-compatible cannot be UTF-16 whatever it declares (HTML's rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/** Decodes bytes in the encoding a label names (`charset=` of a header or a page), windows-1252
 * by the WHATWG mapping whatever the runtime does; UTF-8 when the label is unknown. */
export function decodeAs(bytes: Uint8Array, label: string): string {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    encoding = 'utf-8';
  }
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Decodes a saved page as a browser would: a byte-order mark first (UTF-8, UTF-16 LE/BE), then
 * UTF-16 without a mark, then the charset the page declares (old council pages use
 * windows-1252), else UTF-8.
 */
export function decodePage(bytes: Uint8Array): string {
  const bom = sniffBom(bytes);
  const encoding = bom?.encoding ?? sniffUtf16(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}
