import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { PlanHeader, RuleContent, TargetContent, TaskContent } from '../../api/types.ts';
import { foldFilter } from '../fold.ts';
import { COMPARATORS, comparatorLabel, CYCLES, cycleLabel } from '../planText.ts';

const UNIT_OPTIONS = [
  '%',
  'người',
  'hồ sơ',
  'thủ tục',
  'hộ',
  'doanh nghiệp',
  'Mbit/s',
  'Gbit/s',
  'điểm',
  'tỷ đồng',
].map((value) => ({ value }));
const YEAR = { min: 1990, max: 2100, precision: 0 } as const;

/** The values the forms hold: empty strings and undefined instead of null; unit '' for a count. */
export type TargetValues = Omit<TargetContent, 'sourceLine' | 'indicatorId' | 'indicatorLink'>;
export type TaskValues = Omit<TaskContent, 'sourceLine'>;
export type RuleValues = RuleContent;
export type HeaderValues = Omit<PlanHeader, 'issuedOn'> & { issuedOn: Dayjs | null };

const orNull = <T,>(v: T | undefined | null | ''): T | null => (v === undefined || v === '' ? null : v);
const trimOrNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export const targetToValues = (t: TargetContent): TargetValues => ({ ...t, unit: t.unit === 'count' ? '' : t.unit });
export const valuesToTarget = (
  v: TargetValues,
): Omit<TargetContent, 'sourceLine' | 'indicatorId' | 'indicatorLink'> => ({
  groupName: trimOrNull(v.groupName),
  text: v.text.trim(),
  kind: v.kind,
  comparator: v.comparator,
  value: v.value,
  valueMax: v.comparator === 'range' ? orNull(v.valueMax) : null,
  unit: v.unit?.trim() || 'count',
  year: orNull(v.year),
});
export const valuesToTask = (v: TaskValues): Omit<TaskContent, 'sourceLine'> => ({
  groupName: trimOrNull(v.groupName),
  title: v.title.trim(),
  leadText: trimOrNull(v.leadText),
  leadUnitId: orNull(v.leadUnitId),
  partners: (v.partners ?? []).map((p) => p.trim()).filter(Boolean),
  fromYear: orNull(v.fromYear),
  toYear: orNull(v.toYear),
  expected: trimOrNull(v.expected),
});
export const valuesToRule = (v: RuleValues): RuleContent => ({
  cycle: v.cycle,
  reporter: trimOrNull(v.reporter),
  recipient: trimOrNull(v.recipient),
  deadlineText: trimOrNull(v.deadlineText),
  day: orNull(v.day),
  month: orNull(v.month),
});
export const headerToValues = (h: PlanHeader): HeaderValues => ({
  ...h,
  issuedOn: h.issuedOn ? dayjs(h.issuedOn) : null,
});
export const valuesToHeader = (v: HeaderValues): PlanHeader => ({
  title: v.title.trim(),
  number: trimOrNull(v.number),
  issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
  periodFrom: orNull(v.periodFrom),
  periodTo: orNull(v.periodTo),
  signerName: trimOrNull(v.signerName),
  signerTitle: trimOrNull(v.signerTitle),
});

function useNumber() {
  const { locale } = useI18n();
  return { decimalSeparator: locale === 'vi' ? ',' : '.', style: { width: '100%' } };
}

export function TargetFields() {
  const { t, locale } = useI18n();
  const num = useNumber();
  const comparator = Form.useWatch('comparator');
  return (
    <>
      <Form.Item
        name="text"
        label={t('plans.f.targetText')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="kind" label={t('plans.f.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'target', label: t('plans.kind.target') },
            { value: 'baseline', label: t('plans.kind.baseline') },
          ]}
        />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="comparator"
            label={t('plans.f.comparator')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={COMPARATORS.map((c) => ({ value: c, label: comparatorLabel(c, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="value"
            label={comparator === 'range' ? t('plans.f.valueFrom') : t('plans.f.value')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber {...num} data-testid="target-value" />
          </Form.Item>
        </Col>
        {comparator === 'range' && (
          <Col xs={12} sm={6}>
            <Form.Item
              name="valueMax"
              label={t('plans.f.valueTo')}
              dependencies={['value']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v: number | null) =>
                    v === null || v === undefined || v >= getFieldValue('value')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('plans.f.rangeOrder'))),
                }),
              ]}
            >
              <InputNumber {...num} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} sm={6}>
          <Form.Item
            name="unit"
            label={t('plans.f.unit')}
            tooltip={t('plans.f.unitHint')}
            dependencies={['value', 'valueMax']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, u: string) =>
                  (u ?? '').trim() !== '%' ||
                  [getFieldValue('value'), getFieldValue('valueMax')].every(
                    (x) => x === null || x === undefined || (x >= 0 && x <= 100),
                  )
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('plans.f.percentRange'))),
              }),
            ]}
          >
            <AutoComplete options={UNIT_OPTIONS} maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="year" label={t('plans.f.year')}>
            <InputNumber {...YEAR} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="groupName" label={t('plans.f.group')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}

export function TaskFields({ units }: { units: { id: string; name: string }[] }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="title"
        label={t('plans.f.taskTitle')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="leadText" label={t('plans.f.leadText')} tooltip={t('plans.f.leadTextHint')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leadUnitId" label={t('plans.f.leadUnit')}>
            <Select
              allowClear
              showSearch={{ filterOption: foldFilter }}
              placeholder={t('plans.f.leadUnitPlaceholder')}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              data-testid="lead-unit"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="partners" label={t('plans.f.partners')} tooltip={t('plans.f.partnersHint')}>
        <Select mode="tags" tokenSeparators={[';']} open={false} suffixIcon={null} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={12} sm={6}>
          <Form.Item name="fromYear" label={t('plans.f.fromYear')}>
            <InputNumber {...YEAR} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="toYear"
            label={t('plans.f.toYear')}
            dependencies={['fromYear']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: number | null) =>
                  !v || !getFieldValue('fromYear') || v >= getFieldValue('fromYear')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('plans.f.yearOrder'))),
              }),
            ]}
          >
            <InputNumber {...YEAR} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="groupName" label={t('plans.f.group')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="expected" label={t('plans.f.expected')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  );
}

export function RuleFields() {
  const { t, locale } = useI18n();
  return (
    <>
      <Form.Item name="cycle" label={t('plans.f.cycle')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={CYCLES.map((c) => ({ value: c, label: cycleLabel(c, locale) }))} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="reporter" label={t('plans.f.reporter')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="recipient" label={t('plans.f.recipient')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="deadlineText" label={t('plans.f.deadlineText')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="day" label={t('plans.f.day')}>
            <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="month" label={t('plans.f.month')}>
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function HeaderFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="title"
        label={t('plans.f.title')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="number" label={t('plans.f.number')}>
            <Input maxLength={60} placeholder="25/KH-UBND" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="issuedOn" label={t('plans.f.issuedOn')}>
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="periodFrom" label={t('plans.f.periodFrom')}>
            <InputNumber {...YEAR} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item
            name="periodTo"
            label={t('plans.f.periodTo')}
            dependencies={['periodFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: number | null) =>
                  !v || !getFieldValue('periodFrom') || v >= getFieldValue('periodFrom')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('plans.f.yearOrder'))),
              }),
            ]}
          >
            <InputNumber {...YEAR} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="signerName" label={t('plans.f.signerName')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="signerTitle" label={t('plans.f.signerTitle')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
