import dayjs from 'dayjs';

/** Dates the Vietnamese way in both languages: 05/09/2026. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD/MM/YYYY') : '');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '');
/** YYYY-MM-DD for the API from a dayjs value. */
export const toIsoDate = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Numbers the Vietnamese way (3,5 and 1.234) unless the person chose English. */
export function formatNumber(n: number, locale: 'vi' | 'en' = 'vi', maximumFractionDigits = 1) {
  const key = `${locale}:${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}
