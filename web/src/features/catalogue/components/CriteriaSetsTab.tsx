import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCriteriaSet, useCriteriaSets, type Criterion } from '../api/criteria-sets.ts';
import { scoringText } from './catalogueText.ts';
import { CreateCriteriaSetModal } from './CreateCriteriaSetModal.tsx';

function CriteriaSetDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const set = useCriteriaSet(id);
  if (set.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (set.error) return <Alert type="error" showIcon title={errorText(set.error, locale)} />;
  const s = set.data;
  const groups = [...new Set(s.criteria.map((c) => c.groupName))];
  return (
    <Flex vertical gap={12} data-testid="criteria-set">
      <Card size="small">
        <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
          {s.name}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { key: 'year', label: t('catalogue.sets.year'), children: s.year ?? '—' },
            { key: 'max', label: t('catalogue.sets.maxPoints'), children: formatNumber(s.maxPoints, locale, 2) },
            { key: 'basis', label: t('catalogue.sets.legalBasis'), children: s.legalBasis ?? '—' },
          ]}
        />
      </Card>
      {groups.map((g) => {
        const rows = s.criteria.filter((c) => c.groupName === g);
        const total = rows.reduce((n, c) => n + c.maxPoints, 0);
        return (
          <Card
            key={g}
            size="small"
            title={g}
            extra={<Tag>{t('catalogue.sets.points', { n: formatNumber(total, locale, 2) })}</Tag>}
            styles={{ body: { padding: 0 } }}
          >
            <Table<Criterion>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 640 }}
              columns={[
                { key: 'code', title: t('catalogue.code'), dataIndex: 'code', width: 70 },
                { key: 'name', title: t('catalogue.sets.criterion'), dataIndex: 'name' },
                {
                  key: 'max',
                  title: t('catalogue.sets.maxPoints'),
                  width: 90,
                  align: 'right',
                  render: (_, c) => formatNumber(c.maxPoints, locale, 2),
                },
                {
                  key: 'scoring',
                  title: t('catalogue.sets.scoring'),
                  render: (_, c) => scoringText(c.scoring, c.maxPoints, locale),
                },
                { key: 'evidence', title: t('catalogue.sets.evidence'), render: (_, c) => c.evidence ?? '—' },
              ]}
            />
          </Card>
        );
      })}
    </Flex>
  );
}

/** Bộ tiêu chí: the province's sets for assessing its communes; one open at a time. */
export function CriteriaSetsTab({ canManage }: { canManage: boolean }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const open = params.get('set');
  const list = useCriteriaSets();
  const [creating, setCreating] = useState(false);
  const sets = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-criteria-set"
          >
            {t('catalogue.sets.create')}
          </Button>
        </Flex>
      )}
      {list.error && <Alert type="error" showIcon title={errorText(list.error, locale)} />}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {sets.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('catalogue.sets.empty')}
              style={{ padding: 16 }}
            />
          )}
          {sets.map((s) => (
            <a
              key={s.id}
              className="xs-row"
              href={`?tab=sets&set=${s.id}`}
              onClick={(e) => {
                e.preventDefault();
                setParams({ tab: 'sets', set: s.id });
              }}
              data-testid="criteria-set-row"
              style={open === s.id ? { background: '#fff1f0' } : undefined}
            >
              <div className="xs-row-main">
                <div className="xs-row-title">{s.name}</div>
                <div className="xs-meta">
                  {s.year && (
                    <span>
                      {t('catalogue.sets.year')}: {s.year}
                    </span>
                  )}
                  <span>{t('catalogue.sets.criteriaCount', { n: s.criterionCount })}</span>
                  <span>{t('catalogue.sets.points', { n: formatNumber(s.maxPoints, locale, 2) })}</span>
                </div>
              </div>
              <RightOutlined className="xs-muted" />
            </a>
          ))}
        </Card>
      )}
      {open && <CriteriaSetDetail id={open} />}
      {canManage && (
        <CreateCriteriaSetModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setParams({ tab: 'sets', set: id });
          }}
        />
      )}
    </Flex>
  );
}
