import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { useIndicators, type Domain, type Indicator } from '../api/indicators.ts';
import { DOMAINS, domainLabel } from './catalogueText.ts';
import { IndicatorFormModal } from './IndicatorFormModal.tsx';
import { MergeIndicatorModal } from './MergeIndicatorModal.tsx';

function IndicatorRow({
  i,
  canManage,
  onEdit,
  onMerge,
}: {
  i: Indicator;
  canManage: boolean;
  onEdit: () => void;
  onMerge: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="xs-row" data-testid="indicator-row" style={{ alignItems: 'flex-start' }}>
      <div className="xs-row-main">
        <div className="xs-row-title">{i.name}</div>
        <Flex gap={6} wrap style={{ margin: '4px 0' }}>
          <Tag className="xs-code">{i.code}</Tag>
          <Tag color="blue">{domainLabel(i.domain, locale)}</Tag>
          <Tag>
            {t('catalogue.unit')}: {i.unit}
          </Tag>
          <Tag color={i.targetCount > 0 ? 'green' : undefined}>
            {t('catalogue.linkedTargets', { n: i.targetCount })}
          </Tag>
        </Flex>
        {(i.numerator || i.denominator) && (
          <div style={{ fontSize: 13 }}>
            <span className="xs-muted">{t('catalogue.formula')}:</span> {i.numerator ?? '?'} <b>/</b>{' '}
            {i.denominator ?? '?'}
          </div>
        )}
        {i.description && (
          <div style={{ fontSize: 13 }} className="xs-muted">
            {i.description}
          </div>
        )}
        {i.source && (
          <div style={{ fontSize: 13 }}>
            <span className="xs-muted">{t('catalogue.source')}:</span> {i.source}
          </div>
        )}
        {i.aliases.length > 0 && (
          <div style={{ fontSize: 12 }} className="xs-muted">
            {t('catalogue.aliases')}: {i.aliases.join('; ')}
          </div>
        )}
      </div>
      {canManage && i.editable && (
        <Flex gap={2} style={{ flex: 'none' }}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('catalogue.edit')}
            onClick={onEdit}
            data-testid="edit-indicator"
          />
          <Button
            size="small"
            type="text"
            icon={<MergeCellsOutlined />}
            aria-label={t('catalogue.merge')}
            title={t('catalogue.merge')}
            onClick={onMerge}
            data-testid="merge-indicator"
          />
        </Flex>
      )}
    </div>
  );
}

/** The shared catalogue: search without accents, filter by domain; curators add, edit and merge. */
export function IndicatorsTab({ canManage }: { canManage: boolean }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [domain, setDomain] = useState<Domain | undefined>();
  const term = useDebounced(q.trim(), 300);
  const list = useIndicators(term, domain);
  const [editing, setEditing] = useState<Indicator | null | 'new'>(null);
  const [merging, setMerging] = useState<Indicator | null>(null);
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={12}>
      <Row gutter={[8, 8]}>
        <Col xs={24} md={12}>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('catalogue.searchPlaceholder')}
            aria-label={t('catalogue.search')}
            data-testid="indicator-search"
          />
        </Col>
        <Col xs={canManage ? 14 : 24} md={8}>
          <Select
            allowClear
            value={domain}
            onChange={setDomain}
            placeholder={t('catalogue.allDomains')}
            style={{ width: '100%' }}
            options={DOMAINS.map((d) => ({ value: d, label: domainLabel(d, locale) }))}
          />
        </Col>
        {canManage && (
          <Col xs={10} md={4}>
            <Button
              type="primary"
              block
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="add-indicator"
            >
              {t('catalogue.addShort')}
            </Button>
          </Col>
        )}
      </Row>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, locale)} />}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '8px 16px 0' }}>
            {t('catalogue.count', { n: items.length })}
          </Typography.Text>
          {items.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('common.nothingFound')}
              style={{ padding: 16 }}
            />
          )}
          {items.map((i) => (
            <IndicatorRow
              key={i.id}
              i={i}
              canManage={canManage}
              onEdit={() => setEditing(i)}
              onMerge={() => setMerging(i)}
            />
          ))}
        </Card>
      )}
      {canManage && (
        <IndicatorFormModal
          open={editing !== null}
          indicator={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {canManage && <MergeIndicatorModal indicator={merging} onClose={() => setMerging(null)} />}
    </Flex>
  );
}
