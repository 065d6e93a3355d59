import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupFileTime,
  backupOwed,
  filesToPrune,
  lastSlotAtOrBefore,
  newestBackup,
  nextSlotAfter,
} from './backup-schedule.rules.ts';

// Vietnamese wall-clock time → instant (UTC+7).
const vn = (s: string) => new Date(`${s}+07:00`);

describe('the daily backup slot, on Vietnamese time', () => {
  it('is later the same day when the hour has not come yet', () => {
    expect(nextSlotAfter(vn('2026-11-23T01:15:00'), 2)).toEqual(vn('2026-11-23T02:00:00'));
  });

  it('is tomorrow once the hour has passed, and exactly at the hour it is the next day', () => {
    expect(nextSlotAfter(vn('2026-11-23T14:00:00'), 2)).toEqual(vn('2026-11-24T02:00:00'));
    expect(nextSlotAfter(vn('2026-11-23T02:00:00'), 2)).toEqual(vn('2026-11-24T02:00:00'));
  });

  it('follows the Vietnamese day, not UTC: 06:30 in Hà Nội is still the previous day in UTC', () => {
    // 2026-11-23 06:30 +07 = 2026-11-22 23:30 UTC; the 07:00 slot is half an hour away.
    expect(nextSlotAfter(vn('2026-11-23T06:30:00'), 7)).toEqual(vn('2026-11-23T07:00:00'));
    // 23:30 on 31 December: midnight is the next slot, in the new year.
    expect(nextSlotAfter(vn('2026-12-31T23:30:00'), 0)).toEqual(vn('2027-01-01T00:00:00'));
  });

  it('crosses month ends and leap days', () => {
    expect(nextSlotAfter(vn('2028-02-28T23:00:00'), 22)).toEqual(vn('2028-02-29T22:00:00'));
    expect(lastSlotAtOrBefore(vn('2026-03-01T01:00:00'), 23)).toEqual(vn('2026-02-28T23:00:00'));
  });
});

describe('a missed backup is owed', () => {
  const now = vn('2026-11-23T08:10:00');
  it('when there is none yet', () => expect(backupOwed(now, 2, null)).toBe(true));
  it('when the newest is older than this morning’s slot (the PC was off at 02:00)', () => {
    expect(backupOwed(now, 2, vn('2026-11-22T02:00:05'))).toBe(true);
  });
  it('not when one was taken after the slot', () => {
    expect(backupOwed(now, 2, vn('2026-11-23T02:00:04'))).toBe(false);
    expect(backupOwed(now, 2, vn('2026-11-23T02:00:00'))).toBe(false);
  });
  it('not before today’s slot if yesterday’s was taken', () => {
    expect(backupOwed(vn('2026-11-23T01:00:00'), 2, vn('2026-11-22T02:00:01'))).toBe(false);
  });
});

describe('backup file names', () => {
  it('carry the Vietnamese time and read back to the same instant', () => {
    const at = vn('2026-11-23T02:00:07');
    expect(backupFileName(at)).toBe('xaso-20261123-020007.xaso.gz');
    expect(backupFileTime('xaso-20261123-020007.xaso.gz')).toEqual(at);
    // 20:30 UTC on the 22nd is already the 23rd in Vietnam.
    expect(backupFileName(new Date('2026-11-22T20:30:00Z'))).toBe('xaso-20261123-033000.xaso.gz');
  });

  it('other names are not scheduled backups', () => {
    for (const name of [
      'commune.xaso.gz',
      'xaso-20261131-020000.xaso.gz',
      'xaso-20261123-250000.xaso.gz',
      'xaso-20261123-020000.xaso.gz.partial',
      'xaso-20261123-020000.gz',
    ]) {
      expect(backupFileTime(name), name).toBeNull();
    }
  });

  it('the newest is found by the time in the name', () => {
    expect(
      newestBackup([
        'notes.txt',
        'xaso-20261121-020000.xaso.gz',
        'xaso-20261123-020000.xaso.gz',
        'xaso-20261122-020000.xaso.gz',
      ])?.name,
    ).toBe('xaso-20261123-020000.xaso.gz');
    expect(newestBackup(['notes.txt'])).toBeNull();
  });
});

describe('which copies are pruned', () => {
  const days = ['20261117', '20261118', '20261119', '20261120', '20261121', '20261122', '20261123'].map(
    (d) => `xaso-${d}-020000.xaso.gz`,
  );

  it('keeps the newest N scheduled backups, deletes the older ones, in any listing order', () => {
    const listing = [...days].reverse().concat('manual-before-upgrade.xaso.gz', 'README.txt');
    expect(filesToPrune(listing, 3).sort()).toEqual(days.slice(0, 4));
    expect(filesToPrune(listing, 7)).toEqual([]);
    expect(filesToPrune(listing, 30)).toEqual([]);
  });

  it('removes half-written files of scheduled backups but never another file', () => {
    const listing = [days[6], `${days[5]}.partial`, 'commune.xaso.gz.partial', 'other.partial'];
    expect(filesToPrune(listing, 1)).toEqual([`${days[5]}.partial`]);
  });

  it('refuses to keep fewer than one copy', () => {
    expect(() => filesToPrune(days, 0)).toThrow(RangeError);
  });
});
