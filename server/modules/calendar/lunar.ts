/**
 * Vietnamese lunar calendar (âm lịch) ↔ solar dates, computed for UTC+7.
 *
 * This is the published astronomical algorithm of Hồ Ngọc Đức ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html, 2004): new moons by Jean Meeus'
 * "Astronomical Algorithms" series (1998), the sun's longitude, the month containing the winter
 * solstice as month 11, and a leap month (tháng nhuận) where a month holds no major solar term.
 * It is the reference behind the `amlich` package and agrees with it (TECH-NOTES.md §6).
 *
 * Why hand-written and not a dependency: no well-kept lunar package is in our dependencies,
 * `amlich` has no licence field, `@dqcai/vn-lunar` has a leap-month bug in `fromLunar`, and the
 * algorithm is short and public. Vietnam's calendar must be computed at UTC+7, not China's UTC+8:
 * the new moon of 2030-02-02 falls at 23:07 in Hà Nội, so Tết 2030 is 2 Feb (China: 3 Feb).
 * Accurate for roughly 1800–2199, far beyond what the platform needs.
 */
import { AppError } from '../../platform/errors.ts';
import { fromDayNumber, isoDate, toDayNumber, type IsoDate } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** true inside the leap month (tháng nhuận), which repeats the previous month's number. */
  isLeap: boolean;
}

/** Hours east of Greenwich used by the Vietnamese calendar since 1968. */
export const VIETNAM_TIME_ZONE = 7;

const INT = Math.floor;
const PI = Math.PI;
const DR = PI / 180;
/** Julian day number of 1970-01-01: converts between our day numbers and the algorithm's. */
const JD_UNIX_EPOCH = 2_440_588;
/** Julian day of the new moon k = 0 (1900-01-01 13:51 UTC) and the mean synodic month. */
const NEW_MOON_0 = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;

const jdOf = (date: IsoDate) => toDayNumber(date) + JD_UNIX_EPOCH;
const dateOfJd = (jd: number) => fromDayNumber(jd - JD_UNIX_EPOCH);

/** Julian day (TT) of the k-th new moon after 1900-01-01 — Meeus, with the ΔT correction. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** The sun's apparent longitude in radians [0, 2π) at Julian day jdn (UTC). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - PI * 2 * INT(L / (PI * 2));
}

/** Which 30° sector (major solar term, 0…11) the sun is in at the start of local day `dayNumber`. */
const sunSector = (jd: number, tz: number) => INT((sunLongitude(jd - 0.5 - tz / 24) / PI) * 6);

/** Local Julian day number on which the k-th new moon falls. */
const newMoonDay = (k: number, tz: number) => INT(newMoon(k) + 0.5 + tz / 24);

/** First day of lunar month 11 (the month containing the winter solstice) that starts in solar year yy. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdOf(isoDate(yy, 12, 31)) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // If the sun is already past 270° at that new moon, the solstice month began one lunation earlier.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year starting at month 11 `a11`, the index of the leap month: the first without a major term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: IsoDate, tz = VIETNAM_TIME_ZONE): LunarDate {
  const yy = Number(date.slice(0, 4));
  const dayNumber = jdOf(date);
  const k = INT((dayNumber - NEW_MOON_0) / SYNODIC_MONTH);
  // The published code tries k+1 then k; near a few new moons (e.g. 2054-05-07, 2062-04-09) the
  // mean-lunation estimate is one short and it answers day 0, so we step back until the month has begun.
  let j = k + 1;
  while (newMoonDay(j, tz) > dayNumber) j--;
  const monthStart = newMoonDay(j, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let isLeap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      isLeap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, isLeap };
}

export const lunarDateInvalid = (l: Partial<LunarDate>) =>
  new AppError(
    'LUNAR_DATE_INVALID',
    'invalid',
    `Ngày âm lịch ${l.day}/${l.month}${l.isLeap ? ' (nhuận)' : ''}/${l.year} không tồn tại.`,
  );

/**
 * The solar date of a lunar date. Throws LUNAR_DATE_INVALID for a day that does not exist:
 * a leap flag on a month that is not leap that year, or day 30 of a 29-day month.
 */
export function lunarToSolar(
  lunar: { day: number; month: number; year: number; isLeap?: boolean },
  tz = VIETNAM_TIME_ZONE,
): IsoDate {
  const { day, month, year } = lunar;
  const isLeap = lunar.isLeap ?? false;
  const ok = [day, month, year].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= 30;
  if (!ok) throw lunarDateInvalid(lunar);
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)]
      : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = INT(0.5 + (a11 - NEW_MOON_0) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    // The leap month repeats the number of the month before it. (The published code leaves 0
    // here for a leap month 12; we wrap it to 12.)
    const leapMonth = (leapOff - 2 + 12) % 12 || 12;
    if (isLeap && month !== leapMonth) throw lunarDateInvalid(lunar);
    if (isLeap || off >= leapOff) off += 1;
  } else if (isLeap) {
    throw lunarDateInvalid(lunar);
  }
  const solar = dateOfJd(newMoonDay(k + off, tz) + day - 1);
  // Day 30 of a 29-day month would silently become day 1 of the next month: refuse it.
  const back = solarToLunar(solar, tz);
  if (back.day !== day || back.month !== month || back.year !== year || back.isLeap !== isLeap)
    throw lunarDateInvalid(lunar);
  return solar;
}

/** Mùng 1 Tết: the first day of lunar year `year`, in the solar year of the same number. */
export const lunarNewYear = (year: number, tz = VIETNAM_TIME_ZONE): IsoDate =>
  lunarToSolar({ day: 1, month: 1, year }, tz);

/** The leap month of lunar year `year` (months 1…12 of that year), or null when it has none. */
export function leapMonthOf(year: number, tz = VIETNAM_TIME_ZONE): number | null {
  for (let month = 1; month <= 12; month++) {
    try {
      lunarToSolar({ day: 1, month, year, isLeap: true }, tz);
      return month;
    } catch {
      // not this month
    }
  }
  return null;
}
