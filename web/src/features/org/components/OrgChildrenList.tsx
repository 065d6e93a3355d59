import { Card, Empty, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { OrgChild } from '../api/get-org-node.ts';
import { nodeTypeLabel } from './nodeLabels.ts';

/** Children in the server's (Vietnamese) order; closed units greyed with their closing date. */
export function OrgChildrenList({ items, title }: { items: OrgChild[]; title: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={title} styles={{ body: { padding: 0 } }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noChildren')} style={{ padding: 16 }} />
      ) : (
        <div data-testid="org-children">
          {items.map((c) => (
            <Link
              key={c.id}
              to={`/org/${c.id}`}
              className={`xs-row${c.closedOn ? ' xs-closed' : ''}`}
              data-testid="org-child"
            >
              <div className="xs-row-main">
                <div className="xs-row-title">{c.name}</div>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 10px', fontSize: 12 }} className="xs-muted">
                  <span>{nodeTypeLabel(c, locale)}</span>
                  <span className="xs-code">{c.code}</span>
                  {c.childCount > 0 && <span>{t('org.childCount', { n: formatNumber(c.childCount, locale) })}</span>}
                </div>
              </div>
              {c.closedOn && (
                <Tag data-testid="closed-tag" style={{ marginInlineEnd: 0 }}>
                  {t('org.closedOn', { date: formatDate(c.closedOn) })}
                </Tag>
              )}
              <Typography.Text type="secondary">
                <RightOutlined />
              </Typography.Text>
            </Link>
          ))}
        </div>
      )}
    </Card>
  );
}
