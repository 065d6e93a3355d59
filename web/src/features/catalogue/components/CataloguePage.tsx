import { Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { CriteriaSetsTab } from './CriteriaSetsTab.tsx';
import { IndicatorsTab } from './IndicatorsTab.tsx';

/** /catalogue — the indicator catalogue shared across communes, and the province's criteria sets. */
export function CataloguePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const canManage = hasCapability(me, 'catalogue.manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sets' ? 'sets' : 'indicators';
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('nav.catalogue')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('catalogue.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'sets' ? { tab: 'sets' } : {}, { replace: true })}
        items={[
          {
            key: 'indicators',
            label: t('catalogue.tab.indicators'),
            children: <IndicatorsTab canManage={canManage} />,
          },
          { key: 'sets', label: t('catalogue.tab.sets'), children: <CriteriaSetsTab canManage={canManage} /> },
        ]}
      />
    </Flex>
  );
}
