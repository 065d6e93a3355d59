import { Alert, Breadcrumb, Button, Card, Collapse, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../../lib/errors.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import { usePlan, usePlanVersion } from '../../api/get-plan.ts';
import { ChangesView } from '../ChangesView.tsx';
import { PlanHeaderCard } from './PlanHeaderCard.tsx';
import { RulesSection, TargetsSection, TasksSection } from './PlanSections.tsx';
import { summaryText } from './VersionsTab.tsx';
import '../plans.css';

/** /plans/:id/versions/:no — an old version, read-only: its content, what it changed, its source text. */
export function VersionPage() {
  const { id = '', no = '1' } = useParams();
  const { t, locale } = useI18n();
  const versionNo = Number(no);
  const plan = usePlan(id);
  const version = usePlanVersion(id, versionNo);
  if (version.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (version.error)
    return (
      <Result
        status="warning"
        title={errorText(version.error, locale)}
        extra={
          <Link to={`/plans/${id}?tab=versions`}>
            <Button>{t('plans.backToPlan')}</Button>
          </Link>
        }
      />
    );
  const v = version.data;
  const s = v.snapshot;
  const isCurrent = plan.data?.currentVersion === versionNo;
  return (
    <Flex vertical gap={12} data-testid="version-page">
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plans.title')}</Link> },
          { title: <Link to={`/plans/${id}?tab=versions`}>{plan.data?.communeName ?? '…'}</Link> },
          { title: t('plans.version', { n: versionNo }) },
        ]}
      />
      <Alert
        type={isCurrent ? 'success' : 'info'}
        showIcon
        title={isCurrent ? t('plans.versionIsCurrent', { n: versionNo }) : t('plans.versionReadOnly', { n: versionNo })}
        description={
          <div style={{ fontSize: 13 }}>
            {formatDateTime(v.createdAt)}
            {v.createdByName ? ` · ${v.createdByName}` : ''}
            {v.sourceFileName ? ` · ${v.sourceFileName}` : ''}
            {v.note && (
              <div>
                {t('plans.versionNote')}: {v.note}
              </div>
            )}
          </div>
        }
        action={
          <Link to={`/plans/${id}`}>
            <Button size="small">{t('plans.backToPlan')}</Button>
          </Link>
        }
      />
      <PlanHeaderCard
        header={s.header}
        communeName={plan.data?.communeName}
        badge={<Tag>{t('plans.version', { n: versionNo })}</Tag>}
      />
      <Tabs
        defaultActiveKey={v.changes ? 'changes' : 'targets'}
        items={[
          ...(v.changes
            ? [
                {
                  key: 'changes',
                  label: t('plans.tab.changes'),
                  children: (
                    <Flex vertical gap={8}>
                      {v.summary && (
                        <Typography.Text type="secondary">{summaryText(v.summary, locale)}</Typography.Text>
                      )}
                      <ChangesView changes={v.changes} />
                    </Flex>
                  ),
                },
              ]
            : []),
          {
            key: 'targets',
            label: `${t('plans.tab.targets')} (${s.targets.length})`,
            children: <TargetsSection targets={s.targets} />,
          },
          {
            key: 'tasks',
            label: `${t('plans.tab.tasks')} (${s.tasks.length})`,
            children: <TasksSection tasks={s.tasks} />,
          },
          {
            key: 'reporting',
            label: `${t('plans.tab.reporting')} (${s.reporting.length})`,
            children: <RulesSection rules={s.reporting} />,
          },
          ...(v.sourceText
            ? [
                {
                  key: 'source',
                  label: t('plans.tab.source'),
                  children: (
                    <Collapse
                      size="small"
                      defaultActiveKey={['src']}
                      items={[
                        {
                          key: 'src',
                          label: v.sourceFileName ?? t('plans.tab.source'),
                          children: (
                            <pre
                              style={{
                                whiteSpace: 'pre-wrap',
                                overflowWrap: 'anywhere',
                                fontSize: 13,
                                margin: 0,
                                maxHeight: '60vh',
                                overflow: 'auto',
                              }}
                            >
                              {v.sourceText}
                            </pre>
                          ),
                        },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
