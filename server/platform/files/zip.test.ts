/** The one ZIP reader: what it finds inside, and what it refuses before anything parses the archive. */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handZip, type RawZipEntry } from '../../test/hostile-files.ts';
import { inspectZip, ZipRefused, type ZipLimits } from './zip.ts';

const LIMITS: ZipLimits = { maxEntries: 10, maxTotalBytes: 1024 * 1024, maxEntryBytes: () => 512 * 1024 };

const deflated = (name: string, data: Buffer, rawSize = data.length): RawZipEntry => ({
  name,
  data: zlib.deflateRawSync(data),
  crc: zlib.crc32(data),
  rawSize,
  method: 8,
});

async function refusal(bytes: Uint8Array, limits = LIMITS): Promise<ZipRefused> {
  try {
    await inspectZip(bytes, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipRefused);
    return e as ZipRefused;
  }
  throw new Error('the archive was accepted');
}

describe('the ZIP reader', () => {
  it('lists the entries with their real sizes and first bytes', async () => {
    const xml = Buffer.from('<?xml version="1.0"?><a/>');
    const entries = await inspectZip(
      handZip([deflated('a.xml', xml), deflated('b/c.bin', Buffer.alloc(5000, 7))]),
      LIMITS,
    );
    expect(entries.map((e) => [e.name, e.size, e.holdsProgram])).toEqual([
      ['a.xml', xml.length, false],
      ['b/c.bin', 5000, false],
    ]);
    expect(Buffer.from(entries[0].head).toString()).toBe(xml.toString());
    expect(entries[1].head.length).toBe(4100);
  });

  it('refuses from the directory, inflating nothing: one entry or all of them past their limit', async () => {
    expect((await refusal(handZip([deflated('a.xml', Buffer.alloc(600 * 1024))]))).reason).toBe('too_large');
    const two = handZip([deflated('a.bin', Buffer.alloc(400 * 1024)), deflated('b.bin', Buffer.alloc(400 * 1024))]);
    expect(await inspectZip(two, { ...LIMITS, maxTotalBytes: 800 * 1024 })).toHaveLength(2);
    expect((await refusal(two, { ...LIMITS, maxTotalBytes: 700 * 1024 })).reason).toBe('too_large');
  });

  it('a directory that lies about a size is caught while inflating', async () => {
    const lying = handZip([deflated('word/document.xml', Buffer.alloc(600 * 1024, 0x20), 1_000)]);
    expect(await refusal(lying)).toMatchObject({ reason: 'too_large', entry: 'word/document.xml' });
  });

  it('entries that share one stream are counted as often as a reader would inflate them', async () => {
    const data = Buffer.alloc(300 * 1024);
    const shared = handZip(
      ['a.xml', 'b.xml', 'c.xml', 'd.xml'].map((name) => ({ ...deflated(name, data), name })),
      true,
    );
    expect((await refusal(shared)).reason).toBe('too_large');
  });

  it('too many entries, an encrypted entry, a broken archive', async () => {
    const many = handZip(Array.from({ length: 11 }, (_, i) => deflated(`${i}.xml`, Buffer.from('<a/>'))));
    expect((await refusal(many)).reason).toBe('too_many_entries');
    const encrypted = handZip([deflated('a.xml', Buffer.from('<a/>'))]);
    // general-purpose flag bit 0 (encrypted), in the local header and in the directory
    encrypted.writeUInt16LE(0x0801, 6);
    encrypted.writeUInt16LE(0x0801, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect((await refusal(encrypted)).reason).toBe('encrypted');
    expect((await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).reason).toBe('corrupt');
    const whole = handZip([deflated('a.xml', Buffer.from('<a/>'))]);
    expect((await refusal(whole.subarray(0, whole.length - 30))).reason).toBe('corrupt');
  });

  it.each([0, 16_370, 65_530, 300_001])('finds a Windows program’s DOS stub at byte %i of an entry', async (at) => {
    const data = Buffer.alloc(400 * 1024, 0x41);
    data.write('This program cannot be run in DOS mode.', at, 'latin1');
    const [entry] = await inspectZip(handZip([deflated('word/embeddings/oleObject1.bin', data)]), LIMITS);
    expect(entry.holdsProgram).toBe(true);
  });
});
