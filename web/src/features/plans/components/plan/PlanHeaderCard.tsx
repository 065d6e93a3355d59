import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
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
  const dash = <span className="xs-muted">—</span>;
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        {communeName && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{communeName}</Typography.Text>}
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0, flex: '1 1 280px', overflowWrap: 'anywhere' }} data-testid="plan-title">{header.title}</Typography.Title>
          {actions && <Flex gap={8} wrap>{actions}</Flex>}
        </Flex>
        <Flex gap={6} wrap>
          {version !== undefined && <Tag color="blue">{t('plans.version', { n: version })}</Tag>}
          {badge}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'number', label: t('plans.f.number'), children: header.number ?? dash },
            { key: 'issuedOn', label: t('plans.f.issuedOn'), children: header.issuedOn ? formatDate(header.issuedOn) : dash },
            { key: 'period', label: t('plans.period'), children: header.periodFrom || header.periodTo ? periodText(header.periodFrom, header.periodTo) : dash },
            { key: 'signer', label: t('plans.signer'), children: header.signerName ? `${header.signerTitle ? `${header.signerTitle} ` : ''}${header.signerName}` : dash },
            ...(updatedAt ? [{ key: 'updated', label: t('plans.updated'), children: formatDateTime(updatedAt) }] : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
