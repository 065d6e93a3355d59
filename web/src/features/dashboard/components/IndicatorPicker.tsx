import { Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCatalogueIndicators, type Indicator } from '../api/dashboards.ts';
import { fold } from './labels.ts';

/**
 * The catalogue indicator in the address (?indicator=…), so a view can be shared or bookmarked.
 * Indicators that plans use come first; with none chosen, the most used one is shown.
 */
export function useIndicatorParam() {
  const [params, setParams] = useSearchParams();
  const list = useCatalogueIndicators();
  const sorted = useMemo(
    () =>
      [...(list.data?.items ?? [])]
        .filter((i) => !i.mergedIntoId)
        .sort((a, b) => Number(b.targetCount > 0) - Number(a.targetCount > 0) || a.code.localeCompare(b.code)),
    [list.data],
  );
  const id = params.get('indicator') ?? undefined;
  useEffect(() => {
    if (!id && sorted.length) {
      const first = [...sorted].sort((a, b) => b.targetCount - a.targetCount)[0];
      setParams(
        (p) => {
          p.set('indicator', first.id);
          return p;
        },
        { replace: true },
      );
    }
  }, [id, sorted, setParams]);
  const set = (next: string) =>
    setParams(
      (p) => {
        p.set('indicator', next);
        return p;
      },
      { replace: true },
    );
  return {
    id,
    set,
    indicators: sorted,
    loading: list.isPending,
    error: list.error,
    current: sorted.find((i) => i.id === id),
  };
}

export function IndicatorPicker({
  value,
  onChange,
  indicators,
  loading,
}: {
  value: string | undefined;
  onChange: (id: string) => void;
  indicators: Indicator[];
  loading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select
      showSearch={{ filterOption: (input, o) => fold(String(o?.search ?? '')).includes(fold(input)) }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('dashboard.pickIndicator')}
      aria-label={t('dashboard.pickIndicator')}
      data-testid="indicator-picker"
      style={{ width: '100%', maxWidth: 640 }}
      popupMatchSelectWidth
      options={indicators.map((i) => ({
        value: i.id,
        search: `${i.code} ${i.name} ${i.aliases.join(' ')}`,
        label: (
          <span title={i.name}>
            <span className="xs-code">{i.code}</span> {i.name}
          </span>
        ),
      }))}
    />
  );
}
