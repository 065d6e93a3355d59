import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { PlanHeader } from '../../api/types.ts';
import { periodText } from '../planText.ts';

interface Props {
  header: PlanHeader;
  communeName?: string;
  version?: number;
  updatedAt?: string;
  actions?: ReactNode;
  badge?: ReactNode;
}

/** The plan's identity as the document states it: title, number, date, period, signer. */
export function PlanHeaderCard({ header, communeName, version, updatedAt, actions, badge }: Props) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().sm;
  const dash = <span className="xs-muted">—</span>;
  const facts = [
    { key: 'number', label: t('plans.f.number'), children: header.number ?? dash },
    { key: 'issuedOn', label: t('plans.f.issuedOn'), children: header.issuedOn ? formatDate(header.issuedOn) : dash },
    {
      key: 'period',
      label: t('plans.period'),
      children: header.periodFrom || header.periodTo ? periodText(header.periodFrom, header.periodTo) : dash,
    },
    {
      key: 'signer',
      label: t('plans.signer'),
      children: header.signerName ? `${header.signerTitle ? `${header.signerTitle} ` : ''}${header.signerName}` : dash,
    },
    ...(updatedAt ? [{ key: 'updated', label: t('plans.updated'), children: formatDateTime(updatedAt) }] : []),
  ];
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Flex gap={6} wrap align="center">
          {communeName && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {communeName}
            </Typography.Text>
          )}
          {version !== undefined && <Tag color="blue">{t('plans.version', { n: version })}</Tag>}
          {badge}
        </Flex>
        <Typography.Title
          level={2}
          style={{ fontSize: narrow ? 18 : 20, margin: 0, overflowWrap: 'anywhere' }}
          data-testid="plan-title"
        >
          {header.title}
        </Typography.Title>
        {narrow ? (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 2, fontSize: 13 }}>
            {facts.map((f) => (
              <div key={f.key}>
                <span className="xs-muted">{f.label}:</span> {f.children}
              </div>
            ))}
          </div>
        ) : (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={facts} />
        )}
        {actions && (
          <Flex gap={8} wrap>
            {actions}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
