/**
 * The yearly announcements (thông báo nghỉ lễ, tết; hoán đổi ngày làm việc) as data.
 * Điều 112 of Bộ luật Lao động 2019 fixes how many days; the Prime Minister / Bộ Nội vụ
 * announce each year which days, and may swap a working day next to a holiday with a make-up
 * Saturday for civil servants. Add a year's entries here with the announcing text as
 * `legalBasis` once the official text (Công báo / Bộ Nội vụ) has been read.
 *
 * Deliberately empty as of this commit:
 * - Tết 2026: the press (Công an TP.HCM, Báo Mới) reports civil servants off from Saturday
 *   14/2 to Sunday 22/2/2026 — 5 statutory days 16–20/2 plus two weekends. That is exactly the
 *   default rule (last day of Ất Tỵ = 16/2, mùng 1–4 = 17–20/2), so no entry is needed.
 * - Tết Dương lịch and Quốc khánh 2026: swaps with make-up Saturdays were reported as
 *   proposals; we have not read the final text or the exact make-up dates, so none are entered
 *   and Quốc khánh uses the default adjacent day 1/9.
 */
import type { CalendarAdjustment, HolidayChoice } from './holidays.ts';

export const ANNOUNCED_ADJUSTMENTS: CalendarAdjustment[] = [];

/** Per-year Tết start and Quốc khánh adjacent day, when an announcement departs from the default. */
export const ANNOUNCED_CHOICES: Record<number, HolidayChoice> = {};
