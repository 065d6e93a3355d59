import { Card, Empty, Tag } from 'antd';
import { FileTextOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../../lib/format.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { VersionSummary } from '../../api/types.ts';

/** "chỉ tiêu: +1 −0 ~2; nhiệm vụ: …" in the reader's language. */
export function summaryText(summary: string | null, locale: 'vi' | 'en') {
  if (!summary || locale === 'vi') return summary;
  return summary.replace('chỉ tiêu', 'targets').replace('nhiệm vụ', 'tasks').replace('chế độ báo cáo', 'reporting');
}

/** Lịch sử phiên bản: every saved version, newest first; each opens read-only. */
export function VersionsTab({
  planId,
  versions,
  current,
}: {
  planId: string;
  versions: VersionSummary[];
  current: number;
}) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {versions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {versions.map((v) => (
        <Link
          key={v.versionNo}
          to={`/plans/${planId}/versions/${v.versionNo}`}
          className="xs-row"
          data-testid="version-row"
        >
          <div className="xs-row-main">
            <div className="xs-row-title">
              {t('plans.version', { n: v.versionNo })}{' '}
              {v.versionNo === current && <Tag color="green">{t('plans.currentVersion')}</Tag>}
            </div>
            <div className="xs-meta">
              <span>{formatDateTime(v.createdAt)}</span>
              {v.createdByName && <span>{v.createdByName}</span>}
              {v.sourceFileName && (
                <span>
                  <FileTextOutlined /> {v.sourceFileName}
                </span>
              )}
            </div>
            {v.note && <div style={{ fontSize: 13, marginTop: 2 }}>{v.note}</div>}
            {v.summary && (
              <div className="xs-muted" style={{ fontSize: 12, marginTop: 2 }}>
                {t('plans.changesSummary')}: {summaryText(v.summary, locale)}
              </div>
            )}
          </div>
          <RightOutlined className="xs-muted" />
        </Link>
      ))}
    </Card>
  );
}
