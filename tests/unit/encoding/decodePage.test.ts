import { describe, expect, it } from 'vitest';
import { decodePage } from '@/lib/encoding/decodePage';

const page = (charset: string, body: number[]) => new Uint8Array([...Buffer.from(`<html><head><meta charset="${charset}"></head><body>`, 'latin1'), ...body]);

describe('decodePage', () => {
  it('decodes windows-1252 by the WHATWG mapping, whatever label the page uses for it', () => {
    // "Children’s “Panel” – €5": 0x92 ’, 0x93 “, 0x94 ”, 0x96 –, 0x80 € (index-windows-1252).
    const bytes = [...Buffer.from('Children', 'latin1'), 0x92, ...Buffer.from('s ', 'latin1'), 0x93, ...Buffer.from('Panel', 'latin1'), 0x94, 0x20, 0x96, 0x20, 0x80, 0x35];
    for (const label of ['windows-1252', 'latin1', 'ISO-8859-1', 'us-ascii']) {
      expect(decodePage(page(label, bytes)).endsWith('<body>Children\u2019s \u201cPanel\u201d \u2013 \u20ac5')).toBe(true);
    }
    // The five bytes the standard leaves as C1 controls stay as they are; é (0xE9) is Latin-1.
    expect(decodePage(page('windows-1252', [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe9])).endsWith('\u0081\u008d\u008f\u0090\u009d\u00e9')).toBe(true);
  });

  it('follows a byte-order mark over the declared charset', () => {
    const html = '<meta charset="windows-1252"><p>Children’s</p>';
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(html, 'utf8')]))).toBe(html);
    expect(decodePage(new Uint8Array([0xff, 0xfe, ...Buffer.from(html, 'utf16le')]))).toBe(html);
    expect(decodePage(new Uint8Array([0xfe, 0xff, ...Buffer.from(html, 'utf16le').swap16()]))).toBe(html);
  });

  it('reads UTF-16 saved without a mark, and UTF-8 when nothing is declared', () => {
    const html = '<html><p>Cyngor Sir Ynys Môn – Children’s</p></html>';
    expect(decodePage(new Uint8Array(Buffer.from(html, 'utf16le')))).toBe(html);
    expect(decodePage(new Uint8Array(Buffer.from(html, 'utf16le').swap16()))).toBe(html);
    expect(decodePage(new Uint8Array(Buffer.from(html, 'utf8')))).toBe(html);
  });

  it('reads a page that declares UTF-16 in ASCII-compatible bytes as UTF-8, as browsers do', () => {
    const html = '<meta charset="utf-16"><p>Môn</p>';
    expect(decodePage(new Uint8Array(Buffer.from(html, 'utf8')))).toBe(html);
  });
});
