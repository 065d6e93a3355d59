import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { RuleContent, TargetContent, TaskContent } from '../api/types.ts';
import { cycleLabel, deadlineText, periodText, targetValueText } from './planText.ts';

/** "≥ 95 %  người dân hài lòng · 2027" */
export function TargetSummary({ item, extra }: { item: TargetContent; extra?: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <div>
      <Typography.Text strong className="xs-value" data-testid="target-value-text">
        {targetValueText(item, locale)}
      </Typography.Text>{' '}
      <span className="xs-item-text">{item.text}</span>
      <div className="xs-meta">
        {item.year && <span>{t('plans.byYear', { year: item.year })}</span>}
        {item.kind === 'baseline' && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('plans.kind.baseline')}
          </Tag>
        )}
        {extra}
      </div>
    </div>
  );
}

export function TaskSummary({
  item,
  leadUnitName,
  extra,
}: {
  item: TaskContent;
  leadUnitName?: string | null;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const lead = leadUnitName ?? item.leadText;
  const when = periodText(item.fromYear, item.toYear);
  return (
    <div>
      <span className="xs-item-text">{item.title}</span>
      <div className="xs-meta">
        {lead && (
          <span>
            <span className="xs-muted">{t('plans.lead')}:</span> {lead}
          </span>
        )}
        {item.partners.length > 0 && (
          <span>
            <span className="xs-muted">{t('plans.partners')}:</span> {item.partners.join('; ')}
          </span>
        )}
        {when && (
          <span>
            <span className="xs-muted">{t('plans.timeFrame')}:</span> {when}
          </span>
        )}
        {item.expected && (
          <span>
            <span className="xs-muted">{t('plans.expected')}:</span> {item.expected}
          </span>
        )}
        {extra}
      </div>
    </div>
  );
}

export function RuleSummary({ item, extra }: { item: RuleContent; extra?: ReactNode }) {
  const { t, locale } = useI18n();
  const deadline = deadlineText(item, locale);
  return (
    <div>
      <Typography.Text strong>{cycleLabel(item.cycle, locale)}</Typography.Text>
      {deadline && <span> — {deadline}</span>}
      <div className="xs-meta">
        {item.reporter && (
          <span>
            <span className="xs-muted">{t('plans.reporter')}:</span> {item.reporter}
          </span>
        )}
        {item.recipient && (
          <span>
            <span className="xs-muted">{t('plans.recipient')}:</span> {item.recipient}
          </span>
        )}
        {item.deadlineText && (item.day || item.month) && <span className="xs-muted">“{item.deadlineText}”</span>}
        {extra}
      </div>
    </div>
  );
}
