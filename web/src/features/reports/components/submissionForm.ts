import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { ApiError } from '../../../lib/api-client.ts';
import type { Locale } from '../../../lib/i18n.tsx';
import type { SaveBody, SubmissionView, ValueView } from '../api/types.ts';
import { fieldMessagesEn } from './labels.ts';
import { inputText, parseNumber } from './numbers.ts';

/** The form keeps numbers as the person typed them ("45,5"); they become numbers on save. */
export interface FormValues {
  values: { targetId: string; value: string; numerator: string; denominator: string; note: string }[];
  narratives: { planTaskId: string | null; taskTitle: string; done: string; difficulties: string; proposals: string }[];
  generalNote: string;
}

export function toForm(v: SubmissionView, locale: Locale): FormValues {
  return {
    values: v.values.map((x) => ({
      targetId: x.targetId,
      value: inputText(x.value, locale),
      numerator: inputText(x.numerator, locale),
      denominator: inputText(x.denominator, locale),
      note: x.note ?? '',
    })),
    narratives: v.narratives.map((n) => ({
      planTaskId: n.planTaskId,
      taskTitle: n.taskTitle,
      done: n.done ?? '',
      difficulties: n.difficulties ?? '',
      proposals: n.proposals ?? '',
    })),
    generalNote: v.generalNote ?? '',
  };
}

const numOrNull = (s: string, locale: Locale) => parseNumber(s, locale) ?? null;
const textOrNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function toBody(f: FormValues, locale: Locale): SaveBody {
  return {
    values: f.values.map((v) => ({
      targetId: v.targetId,
      value: numOrNull(v.value, locale),
      numerator: numOrNull(v.numerator, locale),
      denominator: numOrNull(v.denominator, locale),
      note: textOrNull(v.note),
    })),
    narratives: f.narratives.map((n) => ({
      planTaskId: n.planTaskId,
      taskTitle: n.taskTitle,
      done: textOrNull(n.done),
      difficulties: textOrNull(n.difficulties),
      proposals: textOrNull(n.proposals),
    })),
    generalNote: textOrNull(f.generalNote),
  };
}

const msg = (vi: string, locale: Locale) => (locale === 'en' ? (fieldMessagesEn[vi] ?? vi) : vi);

/** The same checks as the server (reporting.rules.ts checkValue), in the browser, in the same words. */
export function valueRules(target: ValueView, locale: Locale): Rule[] {
  return [
    {
      validator: async (_r, text: string) => {
        const n = parseNumber(text, locale);
        if (n === undefined) return;
        if (Number.isNaN(n)) throw new Error(msg('Giá trị phải là một số', locale));
        if (target.unit === '%' && (n < 0 || n > 100))
          throw new Error(msg('Tỷ lệ phần trăm phải trong khoảng 0–100', locale));
        if (n < 0) throw new Error(msg('Giá trị không được âm', locale));
      },
    },
  ];
}

export function partRules(
  form: FormInstance<FormValues>,
  index: number,
  part: 'numerator' | 'denominator',
  locale: Locale,
): Rule[] {
  return [
    {
      validator: async (_r, text: string) => {
        const row = form.getFieldValue(['values', index]) as FormValues['values'][number];
        const n = parseNumber(text, locale);
        const other = parseNumber(part === 'numerator' ? row.denominator : row.numerator, locale);
        if (n === undefined) {
          if (other !== undefined) throw new Error(msg('Cần cả tử số và mẫu số', locale));
          return;
        }
        if (Number.isNaN(n)) throw new Error(msg('Giá trị phải là một số', locale));
        if (part === 'denominator' && n <= 0) throw new Error(msg('Mẫu số phải lớn hơn 0', locale));
        if (part === 'numerator' && n < 0) throw new Error(msg('Tử số không được âm', locale));
        if (part === 'numerator' && other !== undefined && !Number.isNaN(other) && n > other)
          throw new Error(msg('Tử số không được lớn hơn mẫu số', locale));
      },
    },
  ];
}

/** Percent from numerator and denominator, as the server computes it (two decimals). */
export function ratio(row: FormValues['values'][number], locale: Locale): number | undefined {
  const a = parseNumber(row.numerator, locale);
  const b = parseNumber(row.denominator, locale);
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b <= 0 || a < 0 || a > b)
    return undefined;
  return Math.round((10_000 * a) / b) / 100;
}

/**
 * Puts the server's field issues on the inputs: `body.values.3.value` → values[3].value, and
 * REPORT_VALUES_MISSING's `values.<targetId>` → that target's value. Returns how many were placed.
 */
export function applyServerFields(
  form: FormInstance<FormValues>,
  err: unknown,
  view: SubmissionView,
  locale: Locale,
): number {
  if (!(err instanceof ApiError) || err.fields.length === 0) return 0;
  const marks: { name: (string | number)[]; errors: string[] }[] = [];
  for (const f of err.fields) {
    const parts = f.path.replace(/^body\./, '').split('.');
    if (parts[0] === 'values' && parts.length === 2) {
      const i = view.values.findIndex((v) => v.targetId === parts[1]);
      if (i >= 0) marks.push({ name: ['values', i, 'value'], errors: [msg(f.message, locale)] });
    } else if ((parts[0] === 'values' || parts[0] === 'narratives') && /^\d+$/.test(parts[1] ?? '') && parts[2]) {
      marks.push({
        name: [parts[0], Number(parts[1]), parts[2] === 'targetId' ? 'value' : parts[2]],
        errors: [msg(f.message, locale)],
      });
    } else if (parts[0] === 'generalNote') marks.push({ name: ['generalNote'], errors: [msg(f.message, locale)] });
  }
  (form as FormInstance).setFields(marks);
  if (marks[0]) (form as FormInstance).scrollToField(marks[0].name, { block: 'center' });
  return marks.length;
}
