import { Alert, Card, Form, Input, Tag } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ValueView } from '../api/types.ts';
import { valueText } from './numbers.ts';
import { partRules, valueRules, type FormValues } from './submissionForm.ts';

/** The unit's targets, grouped as in the plan: the promise, last approved value, and the inputs. */
export function ValueRows({ values }: { values: ValueView[] }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<FormValues>();
  const groups: { name: string | null; rows: { v: ValueView; i: number }[] }[] = [];
  values.forEach((v, i) => {
    const last = groups.at(-1);
    if (last && last.name === v.groupName) last.rows.push({ v, i });
    else groups.push({ name: v.groupName, rows: [{ v, i }] });
  });
  if (values.length === 0)
    return (
      <Card size="small" title={t('reports.form.values')}>
        <span className="xs-muted">{t('reports.form.noValues')}</span>
      </Card>
    );
  return (
    <Card size="small" title={t('reports.form.values')} styles={{ body: { padding: 0 } }}>
      {groups.map((g, gi) => (
        <div key={gi}>
          {g.name && <div className="xs-group-title">{g.name}</div>}
          {g.rows.map(({ v, i }) => (
            <div key={v.targetId} className="xs-rp-value" data-testid="value-row" data-unit={v.unit}>
              <div className="xs-rp-value-text">{v.targetText}</div>
              <div className="xs-muted" style={{ fontSize: 13 }}>
                {t('reports.form.previous')}: {valueText(v.previousValue, v.unit, locale)}
                {v.prefilled && (
                  <Tag icon={<DatabaseOutlined />} color="blue" style={{ marginLeft: 8 }} data-testid="prefilled">
                    {t('reports.form.prefilled')}
                  </Tag>
                )}
              </div>
              {v.warning && (
                <Alert type="warning" showIcon title={v.warning} style={{ marginTop: 6 }} data-testid="value-warning" />
              )}
              <div className="xs-rp-value-inputs">
                {v.hasFormula && (
                  <>
                    <Form.Item
                      name={['values', i, 'numerator']}
                      label={v.numeratorLabel ?? t('reports.form.numerator')}
                      rules={partRules(form, i, 'numerator', locale)}
                      dependencies={[['values', i, 'denominator']]}
                    >
                      <Input inputMode="decimal" data-testid="numerator-input" />
                    </Form.Item>
                    <Form.Item
                      name={['values', i, 'denominator']}
                      label={v.denominatorLabel ?? t('reports.form.denominator')}
                      rules={partRules(form, i, 'denominator', locale)}
                    >
                      <Input inputMode="decimal" data-testid="denominator-input" />
                    </Form.Item>
                  </>
                )}
                <Form.Item name={['values', i, 'value']} label={t('reports.form.value')} rules={valueRules(v, locale)}>
                  <Input
                    inputMode="decimal"
                    suffix={v.unit === '%' ? '%' : undefined}
                    placeholder={locale === 'vi' ? '0,0' : '0.0'}
                    data-testid="value-input"
                  />
                </Form.Item>
                <Form.Item name={['values', i, 'note']} label={t('reports.form.note')}>
                  <Input maxLength={2000} data-testid="note-input" />
                </Form.Item>
              </div>
            </div>
          ))}
        </div>
      ))}
    </Card>
  );
}

/** For each task of the unit: what was done, difficulties, proposals. */
export function NarrativeRows({
  count,
  titles,
}: {
  count: number;
  titles: { title: string; group: string | null; prefilled?: boolean }[];
}) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Card size="small" title={t('reports.form.narratives')} styles={{ body: { padding: 0 } }}>
      {titles.map((task, i) => (
        <div key={i} className="xs-rp-task" data-testid="narrative-row">
          {task.group && (
            <div className="xs-muted" style={{ fontSize: 12 }}>
              {task.group}
            </div>
          )}
          <div className="xs-rp-value-text" style={{ marginBottom: 6 }}>
            {task.title}
          </div>
          {task.prefilled && (
            <Tag
              icon={<DatabaseOutlined />}
              color="blue"
              style={{ marginBottom: 6, whiteSpace: 'normal' }}
              data-testid="narrative-prefilled"
            >
              {t('reports.form.fromTasks')}
            </Tag>
          )}
          <Form.Item name={['narratives', i, 'done']} label={t('reports.form.done')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name={['narratives', i, 'difficulties']} label={t('reports.form.difficulties')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name={['narratives', i, 'proposals']} label={t('reports.form.proposals')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
        </div>
      ))}
    </Card>
  );
}
