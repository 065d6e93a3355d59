import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { roleLabel } from '../../../lib/labels.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useOrgNode } from '../api/get-org-node.ts';
import { CloseUnitModal } from './CloseUnitModal.tsx';
import { nodeTypeLabel } from './nodeLabels.ts';
import { OrgChildrenList } from './OrgChildrenList.tsx';
import { OrgSearchBox } from './OrgSearchBox.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';

export function OrgBrowserPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const showClosed = params.get('closed') === '1';
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const node = useOrgNode(id, showClosed);
  const [dialog, setDialog] = useState<'add' | 'rename' | 'close' | null>(null);

  const toggleClosed = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('closed', '1');
    else next.delete('closed');
    setParams(next, { replace: true });
  };
  const closedQuery = showClosed ? '?closed=1' : '';
  // Shortcuts to the places the person holds a role, unless that is the whole country.
  const homes = user.grants.filter((g) => g.orgKind !== 'nation' && g.orgUnitId !== id);

  const d = node.data;
  const actions = d?.allowedActions ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('nav.org')}
      </Typography.Title>
      <OrgSearchBox />
      {homes.length > 0 && (
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary">{t('org.yourPlaces')}</Typography.Text>
          {homes.map((g) => (
            <Link key={g.id} to={`/org/${g.orgUnitId}${closedQuery}`}>
              <Tag color="red" title={roleLabel(g.role, locale)} style={{ marginInlineEnd: 0 }}>
                {g.orgUnitName}
              </Tag>
            </Link>
          ))}
        </Flex>
      )}
      {node.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(node.error, locale)}
          action={<Link to="/org">{t('org.backToRoot')}</Link>}
        />
      )}
      {!d && node.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {d && (
        <>
          <Breadcrumb
            data-testid="org-breadcrumb"
            items={[
              ...d.ancestors.map((a) => ({
                key: a.id,
                title: <Link to={`/org/${a.id}${closedQuery}`}>{a.name}</Link>,
              })),
              { key: d.id, title: d.name },
            ]}
          />
          <Card size="small" className={d.closedOn ? 'xs-closed' : undefined}>
            <Flex justify="space-between" align="flex-start" gap={12} wrap>
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Typography.Title
                  level={3}
                  style={{ fontSize: 20, margin: 0, overflowWrap: 'anywhere' }}
                  data-testid="org-node-title"
                >
                  {d.fullName}
                </Typography.Title>
                <Flex wrap gap={6} style={{ marginTop: 6 }}>
                  <Tag style={{ marginInlineEnd: 0 }}>{nodeTypeLabel(d, locale)}</Tag>
                  <Tag style={{ marginInlineEnd: 0 }} className="xs-code">
                    {t('org.code')}: {d.code}
                  </Tag>
                  {d.openedOn && (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('org.openedOnShort', { date: formatDate(d.openedOn) })}</Tag>
                  )}
                  {d.closedOn && (
                    <Tag color="default" data-testid="node-closed" style={{ marginInlineEnd: 0 }}>
                      {t('org.closedOn', { date: formatDate(d.closedOn) })}
                    </Tag>
                  )}
                </Flex>
              </div>
              {actions.length > 0 && (
                <Space wrap>
                  {actions.includes('add_unit') && (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => setDialog('add')}
                      data-testid="add-unit"
                    >
                      {t('org.addUnit')}
                    </Button>
                  )}
                  {actions.includes('rename') && (
                    <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="rename-unit">
                      {t('org.rename')}
                    </Button>
                  )}
                  {actions.includes('close') && (
                    <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="close-unit">
                      {t('org.closeUnit')}
                    </Button>
                  )}
                </Space>
              )}
            </Flex>
          </Card>
          {d.kind !== 'unit' && (
            <>
              <Flex justify="flex-end" align="center" gap={8}>
                <label htmlFor="show-closed" style={{ cursor: 'pointer' }}>
                  {t('org.showClosed')}
                </label>
                <Switch
                  id="show-closed"
                  size="small"
                  checked={showClosed}
                  onChange={toggleClosed}
                  data-testid="show-closed"
                />
              </Flex>
              <OrgChildrenList items={d.children} title={t('org.children', { n: d.children.length })} />
            </>
          )}
          {actions.includes('add_unit') && (
            <UnitFormModal mode="add" node={d} open={dialog === 'add'} onClose={() => setDialog(null)} />
          )}
          {actions.includes('rename') && (
            <UnitFormModal mode="rename" node={d} open={dialog === 'rename'} onClose={() => setDialog(null)} />
          )}
          {actions.includes('close') && (
            <CloseUnitModal node={d} open={dialog === 'close'} onClose={() => setDialog(null)} />
          )}
        </>
      )}
    </Space>
  );
}
