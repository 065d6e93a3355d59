import { describe, expect, it } from 'vitest';
import type { ImportView, TargetContent } from './api/types.ts';
import { errorTexts } from '../../lib/errors.ts';
import { checkPlanFile } from './api/upload-plan.ts';
import { deadlineText, groupInOrder, targetValueText } from './components/planText.ts';
import {
  contentOf,
  flagsOf,
  groupAt,
  initialState,
  reviewReducer,
  type ReviewState,
} from './components/review/reviewState.ts';

const target = (over: Partial<TargetContent>): TargetContent => ({
  groupName: 'A',
  text: 'hồ sơ',
  kind: 'target',
  comparator: '>=',
  value: 90,
  valueMax: null,
  unit: '%',
  year: 2027,
  sourceLine: 10,
  indicatorId: null,
  indicatorLink: null,
  ...over,
});

function draft(over: Partial<ImportView> = {}): ImportView {
  return {
    id: 'd1',
    communeId: 'c',
    communeName: 'Xã Vĩnh Bảo',
    planId: null,
    fileName: 'kh.txt',
    format: 'txt',
    encoding: 'utf-8',
    warnings: [],
    status: 'draft',
    lines: Array.from({ length: 40 }, (_, i) => `dòng ${i + 1}`),
    createdAt: '2027-01-15T00:00:00Z',
    extraction: {
      header: {
        title: 'Kế hoạch',
        number: null,
        issuedOn: null,
        periodFrom: 2027,
        periodTo: 2027,
        signerName: null,
        signerTitle: null,
      },
      targets: [
        target({ sourceLine: 10 }),
        target({
          text: 'hài lòng',
          sourceLine: 12,
          indicatorId: '11111111-1111-1111-1111-111111111111',
          indicatorLink: 'suggested',
        }),
      ],
      tasks: [
        {
          groupName: 'B',
          title: 'Số hóa',
          leadText: null,
          leadUnitId: null,
          partners: [],
          fromYear: null,
          toYear: 2027,
          expected: null,
          sourceLine: 20,
        },
      ],
      reporting: [],
    },
    suggestions: [null, { indicatorId: '11111111-1111-1111-1111-111111111111', indicatorName: 'Hài lòng', score: 0.9 }],
    review: null,
    ...over,
  };
}

describe('plan values for people', () => {
  it('writes targets the Vietnamese way', () => {
    expect(targetValueText(target({ value: 3.5 }), 'vi')).toBe('≥ 3,5 %');
    expect(targetValueText(target({ comparator: 'range', value: 50, valueMax: 55 }), 'vi')).toBe('50–55 %');
    expect(targetValueText(target({ comparator: '=', value: 2, unit: 'count' }), 'vi')).toBe('2');
    expect(deadlineText({ day: 18, month: 5, deadlineText: null }, 'vi')).toBe('trước ngày 18/5');
  });

  it('keeps groups in document order', () => {
    expect(
      groupInOrder([{ groupName: 'A' }, { groupName: 'A' }, { groupName: 'B' }, { groupName: 'A' }]).map((g) => [
        g.name,
        g.items.length,
      ]),
    ).toEqual([
      ['A', 2],
      ['B', 1],
      ['A', 1],
    ]);
  });

  it('has Vietnamese and English text for every plan and catalogue error', () => {
    const codes =
      'PLAN_FILE_EMPTY PLAN_FILE_CORRUPT PLAN_FILE_NO_TEXT PLAN_FILE_UNSUPPORTED PLAN_FILE_TOO_LARGE PLAN_FILE_TOO_COMPLEX PLAN_FILE_LEGACY_ENCODING PLAN_NOT_A_PLAN PLAN_FILE_MISSING BODY_TOO_LARGE PLAN_IMPORT_CLOSED PLAN_NOT_FOUND PLAN_IMPORT_NOT_FOUND PLAN_ITEM_NOT_FOUND PLAN_VERSION_NOT_FOUND INDICATOR_NOT_FOUND INDICATOR_CODE_TAKEN INDICATOR_MERGE_SELF INDICATOR_ALREADY_MERGED INDICATOR_UNIT_MISMATCH CRITERIA_SET_NOT_FOUND CRITERION_CODE_DUPLICATE'.split(
        ' ',
      );
    for (const c of codes) expect(errorTexts[c]?.vi && errorTexts[c]?.en, c).toBeTruthy();
  });

  it('checks a file before sending it', () => {
    expect(checkPlanFile({ name: 'KH.DOCX', size: 10 })).toBeNull();
    expect(checkPlanFile({ name: 'anh.png', size: 10 })).toBe('extension');
    expect(checkPlanFile({ name: 'kh.pdf', size: 21 * 1024 * 1024 })).toBe('size');
    expect(checkPlanFile({ name: 'kh.txt', size: 0 })).toBe('empty');
  });
});

describe('the review state', () => {
  it('starts from the extraction with every item ticked and its suggestion', () => {
    const s = initialState(draft(), null);
    expect(s.targets.map((r) => r.accepted)).toEqual([true, true]);
    expect(s.targets[1].suggestion?.indicatorName).toBe('Hài lòng');
  });

  it('saves every kept item but commits only the ticked ones; ticks survive a reload', () => {
    let s: ReviewState = initialState(draft(), null);
    s = reviewReducer(s, { type: 'accept', list: 'targets', key: s.targets[0].key, accepted: false });
    s = reviewReducer(s, {
      type: 'add',
      list: 'targets',
      rows: [
        { key: 'new', accepted: true, item: target({ text: 'mới', sourceLine: 11 }), suggestion: null, isNew: true },
      ],
    });
    expect(s.targets.map((r) => r.item.text)).toEqual(['hồ sơ', 'mới', 'hài lòng']);
    expect(contentOf(s, false).content.targets).toHaveLength(3);
    const committed = contentOf(s, true);
    expect(committed.content.targets.map((t) => t.text)).toEqual(['mới', 'hài lòng']);
    expect(committed.keys.targets[0]).toBe('new');
    // Reopening the draft: the saved review and the browser's ticks.
    const reopened = initialState(draft({ review: contentOf(s, false).content }), flagsOf(s));
    expect(reopened.targets.map((r) => [r.item.text, r.accepted])).toEqual([
      ['hồ sơ', false],
      ['mới', true],
      ['hài lòng', true],
    ]);
    expect(reopened.targets[2].suggestion?.score).toBe(0.9);
  });

  it('finds the heading a selected passage belongs under', () => {
    const s = initialState(draft(), null);
    expect(groupAt(s.tasks, 25)).toBe('B');
    expect(groupAt(s.tasks, 5)).toBeNull();
  });
});
