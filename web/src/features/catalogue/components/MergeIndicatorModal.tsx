import { useEffect, useState } from 'react';
import { Alert, Modal, Select, Typography } from 'antd';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { useIndicators, useMergeIndicator, type Indicator } from '../api/indicators.ts';

/** Merge a duplicate into the indicator that stays: its links and names move there. */
export function MergeIndicatorModal({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [intoId, setIntoId] = useState<string | null>(null);
  const term = useDebounced(q.trim(), 250);
  const found = useIndicators(term);
  const merge = useMergeIndicator(indicator?.id ?? '');
  useEffect(() => {
    setIntoId(null);
    setQ('');
    merge.reset();
  }, [indicator?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const options = (found.data?.items ?? []).filter((i) => i.id !== indicator?.id);
  const into = options.find((i) => i.id === intoId);

  return (
    <Modal
      open={!!indicator}
      title={t('catalogue.mergeTitle')}
      okText={t('catalogue.merge')}
      okButtonProps={{ danger: true, disabled: !intoId, 'data-testid': 'merge-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => intoId && merge.mutate(intoId, { onSuccess: onClose })}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      {indicator && (
        <>
          <Typography.Paragraph>
            {t('catalogue.mergeText', { name: indicator.name, code: indicator.code })}
          </Typography.Paragraph>
          <Select
            style={{ width: '100%' }}
            showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
            value={intoId ?? undefined}
            onChange={setIntoId}
            placeholder={t('catalogue.mergeInto')}
            loading={found.isFetching}
            options={options.map((i) => ({ value: i.id, label: `${i.code} · ${i.name} (${i.unit})` }))}
            data-testid="merge-into"
          />
          {into && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('catalogue.mergeConfirm', { from: indicator.name, into: into.name, n: indicator.targetCount })}
              description={
                into.unit !== indicator.unit
                  ? t('catalogue.mergeUnitWarning', { a: indicator.unit, b: into.unit })
                  : undefined
              }
            />
          )}
          {merge.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={errorText(merge.error, locale)}
              description={locale === 'vi' ? (merge.error as Error).message : undefined}
              data-testid="merge-error"
            />
          )}
        </>
      )}
    </Modal>
  );
}
