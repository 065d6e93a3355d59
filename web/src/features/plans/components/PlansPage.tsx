import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { RightOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { getImport } from '../api/imports.ts';
import { usePlanList } from '../api/list-plans.ts';
import { periodText } from './planText.ts';
import { rememberDraft, rememberedDrafts } from './review/reviewState.ts';
import { UploadPlanModal } from './UploadPlanModal.tsx';
import './plans.css';

/** Drafts started in this browser that are still waiting for review. */
function useOpenDrafts(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'open-drafts'],
    enabled,
    queryFn: async () => {
      const ids = rememberedDrafts();
      const found = await Promise.all(ids.map((id) => getImport(id).catch(() => null)));
      const open = found.filter((d) => d?.status === 'draft');
      ids.filter((id) => !open.some((d) => d!.id === id)).forEach((id) => rememberDraft(id, false));
      return open.map((d) => d!);
    },
  });
}

/** /plans — the plans in the person's scope; plan officers upload new ones here. */
export function PlansPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const canManage = hasCapability(me, 'plans.manage');
  const list = usePlanList();
  const drafts = useOpenDrafts(canManage);
  const [uploading, setUploading] = useState(false);
  const plans = list.data?.items ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="upload-plan">
            {t('plans.upload.button')}
          </Button>
        )}
      </Flex>
      {(drafts.data ?? []).length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('plans.openDrafts')}
          description={
            <Flex vertical gap={4}>
              {drafts.data!.map((d) => (
                <Link key={d.id} to={`/plans/imports/${d.id}`} data-testid="open-draft">
                  {d.fileName} — {d.communeName} · {formatDateTime(d.createdAt)}
                </Link>
              ))}
            </Flex>
          }
        />
      )}
      {list.error && <Alert type="error" showIcon title={errorText(list.error, locale)} />}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {plans.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={canManage ? t('plans.emptyManage') : t('plans.empty')}
              style={{ padding: 16 }}
            />
          )}
          {plans.map((p) => (
            <Link key={p.id} to={`/plans/${p.id}`} className="xs-row" data-testid="plan-row">
              <div className="xs-row-main">
                <div className="xs-muted" style={{ fontSize: 12 }}>
                  {p.communeName}
                </div>
                <div className="xs-row-title">{p.title}</div>
                <Flex gap={6} wrap style={{ marginTop: 4 }}>
                  {p.number && <Tag>{t('plans.numberShort', { n: p.number })}</Tag>}
                  {(p.periodFrom || p.periodTo) && (
                    <Tag>
                      {t('plans.period')}: {periodText(p.periodFrom, p.periodTo)}
                    </Tag>
                  )}
                  <Tag color="blue">{t('plans.version', { n: p.currentVersion })}</Tag>
                  <Tag>{t('plans.countTargets', { n: p.targetCount })}</Tag>
                  <Tag>{t('plans.countTasks', { n: p.taskCount })}</Tag>
                </Flex>
                <div className="xs-muted" style={{ fontSize: 12, marginTop: 4 }}>
                  {t('plans.updatedAt', { at: formatDateTime(p.updatedAt) })}
                </div>
              </div>
              <RightOutlined className="xs-muted" />
            </Link>
          ))}
        </Card>
      )}
      {canManage && <UploadPlanModal open={uploading} onClose={() => setUploading(false)} />}
    </Flex>
  );
}
