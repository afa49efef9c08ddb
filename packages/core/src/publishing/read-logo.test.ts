import { maxLogoBytes } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../switchboard-error.js';
import { parseLogoText } from './parse-logo-text.js';
import { readLogo, sniffLogoType } from './read-logo.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** SOI, an APP0 (JFIF) segment, EOI: enough for the signature. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#0a0"/></svg>';

const reasonOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (isSwitchboardError(error) && error.code === 'invalid_logo') return String(error.details['reason']);
    throw error;
  }
  throw new Error('expected invalid_logo');
};

describe('sniffLogoType', () => {
  it('types by content, not by what the sender says', () => {
    expect(sniffLogoType(PNG)).toBe('image/png');
    expect(sniffLogoType(JPEG)).toBe('image/jpeg');
    expect(sniffLogoType(Buffer.from(`\ufeff  \n${SVG}`))).toBe('image/svg+xml');
    expect(sniffLogoType(Buffer.from('GIF89a....'))).toBeNull();
    expect(sniffLogoType(PNG.subarray(0, 8))).toBeNull(); // a signature without its IHDR chunk
  });
});

describe('readLogo', () => {
  it('accepts PNG, JPEG and SVG, with or without a matching declared type', () => {
    expect(readLogo({ bytes: PNG, declaredType: 'image/png' }).contentType).toBe('image/png');
    expect(readLogo({ bytes: JPEG, declaredType: 'image/jpg' }).contentType).toBe('image/jpeg');
    expect(readLogo({ bytes: Buffer.from(SVG), declaredType: 'image/svg+xml; charset=utf-8' }).contentType).toBe('image/svg+xml');
    expect(readLogo({ bytes: PNG, declaredType: null }).contentType).toBe('image/png');
    expect(readLogo({ bytes: PNG, declaredType: 'application/octet-stream' }).contentType).toBe('image/png');
  });

  it('refuses mislabeled, unknown, empty and oversized logos', () => {
    expect(reasonOf(() => readLogo({ bytes: Buffer.from(SVG), declaredType: 'image/png' }))).toContain('mislabeled: declared image/png, but its content is image/svg+xml');
    expect(reasonOf(() => readLogo({ bytes: PNG, declaredType: 'image/jpeg' }))).toContain('mislabeled');
    expect(reasonOf(() => readLogo({ bytes: PNG, declaredType: 'image/gif' }))).toContain('declared as image/gif');
    expect(reasonOf(() => readLogo({ bytes: Buffer.from('GIF89a'), declaredType: null }))).toContain('not a PNG, JPEG or SVG');
    expect(reasonOf(() => readLogo({ bytes: new Uint8Array(0), declaredType: null }))).toContain('empty');
    const big = Buffer.concat([PNG, Buffer.alloc(maxLogoBytes)]);
    expect(reasonOf(() => readLogo({ bytes: big, declaredType: 'image/png' }))).toContain('larger than 256 KB');
    expect(readLogo({ bytes: Buffer.concat([PNG, Buffer.alloc(maxLogoBytes - PNG.length)]), declaredType: null }).bytes.byteLength).toBe(maxLogoBytes);
  });

  it('refuses unsafe SVG and SVG that is not UTF-8', () => {
    expect(reasonOf(() => readLogo({ bytes: Buffer.from(SVG.replace('<rect', '<script>x()</script><rect')), declaredType: null }))).toContain('<script>');
    expect(reasonOf(() => readLogo({ bytes: Buffer.from([0x3c, 0x73, 0xff, 0xfe]), declaredType: null }))).toContain('UTF-8');
  });
});

describe('parseLogoText', () => {
  it('reads bare base64 (standard or URL-safe) without a declared type', () => {
    expect(parseLogoText(PNG.toString('base64'))).toEqual({ bytes: new Uint8Array(PNG), declaredType: null });
    expect(Buffer.from(parseLogoText(PNG.toString('base64url')).bytes)).toEqual(PNG);
  });

  it('reads data URLs, base64 or percent-encoded, keeping the media type', () => {
    expect(parseLogoText(`data:image/png;base64,${PNG.toString('base64')}`)).toEqual({ bytes: new Uint8Array(PNG), declaredType: 'image/png' });
    const svg = parseLogoText(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)}`);
    expect(Buffer.from(svg.bytes).toString('utf8')).toBe(SVG);
    expect(svg.declaredType).toBe('image/svg+xml;charset=utf-8');
    expect(Buffer.from(parseLogoText(`data:,${'<svg/>'}`).bytes).toString()).toBe('<svg/>');
  });

  it('accepts an SVG data URL in UTF-8 (declared or not) and refuses any other charset', () => {
    const svgOf = (header: string) => readLogo(parseLogoText(`data:${header},${encodeURIComponent(SVG)}`));
    for (const header of ['image/svg+xml', 'image/svg+xml;charset=utf-8', 'image/svg+xml;charset=UTF-8', 'image/svg+xml;charset="utf8"', 'image/svg+xml; charset=utf-8']) {
      expect(svgOf(header).contentType).toBe('image/svg+xml');
    }
    expect(readLogo(parseLogoText(`data:image/svg+xml;charset=utf-8;base64,${Buffer.from(SVG).toString('base64')}`)).contentType).toBe('image/svg+xml');
    expect(reasonOf(() => svgOf('image/svg+xml;charset=utf-16'))).toBe('declares charset "utf-16", but only UTF-8 is accepted');
    expect(reasonOf(() => svgOf('image/svg+xml;charset=iso-8859-1'))).toContain('only UTF-8');
    expect(reasonOf(() => svgOf('image/svg+xml;charset=no-such-charset'))).toContain('only UTF-8');
    expect(reasonOf(() => svgOf(';charset=utf-16'))).toContain('only UTF-8');
    const utf16 = Buffer.from(`\ufeff${SVG}`, 'utf16le').toString('base64');
    expect(reasonOf(() => readLogo(parseLogoText(`data:image/svg+xml;charset=utf-16;base64,${utf16}`)))).toContain('only UTF-8');
    // A multipart part's Content-Type is held to the same rule.
    expect(reasonOf(() => readLogo({ bytes: Buffer.from(SVG), declaredType: 'image/svg+xml; charset="UTF-16"' }))).toContain('only UTF-8');
  });

  it('refuses text that is neither', () => {
    expect(reasonOf(() => parseLogoText('not base64!'))).toContain('neither base64 nor a data URL');
    expect(reasonOf(() => parseLogoText('data:image/png;base64'))).toContain('without a comma');
    expect(reasonOf(() => parseLogoText('data:image/png;base64,@@@'))).toContain('neither base64');
  });
});
