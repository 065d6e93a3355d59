import { useState } from 'react';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { CheckOutlined, LinkOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { useIndicatorSearch } from '../api/lookups.ts';
import type { Suggestion } from '../api/types.ts';

export interface LinkValue {
  indicatorId: string | null;
  indicatorLink: 'suggested' | 'confirmed' | null;
}

/** Names of catalogue indicators by id (the catalogue is small: one request, kept a while). */
export function useIndicatorNames(): Map<string, string> {
  const all = useIndicatorSearch('');
  return new Map((all.data?.items ?? []).map((i) => [i.id, i.name]));
}

/** Search the shared catalogue and pick an indicator. */
export function IndicatorSelect({
  onPick,
  onCancel,
  unit,
}: {
  onPick: (id: string) => void;
  onCancel?: () => void;
  unit?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 250);
  const found = useIndicatorSearch(term);
  const items = found.data?.items ?? [];
  return (
    <Flex gap={6} wrap style={{ width: '100%' }}>
      <Select
        autoFocus
        defaultOpen
        style={{ flex: 1, minWidth: 200 }}
        showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
        placeholder={t('plans.link.search')}
        loading={found.isFetching}
        notFoundContent={found.isFetching ? t('common.searching') : t('common.nothingFound')}
        onChange={(id: string) => onPick(id)}
        data-testid="indicator-select"
        options={items.map((i) => ({ value: i.id, label: `${i.code} · ${i.name}`, unit: i.unit }))}
        optionRender={(o) => {
          const i = items.find((x) => x.id === o.value);
          return (
            <div style={{ whiteSpace: 'normal' }}>
              <div>{i?.name}</div>
              <div className="xs-muted" style={{ fontSize: 12 }}>
                {i?.code} · {i?.unit}
                {unit && i && i.unit !== unit && unit !== 'count' ? ` · ${t('plans.link.otherUnit')}` : ''}
              </div>
            </div>
          );
        }}
      />
      {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
    </Flex>
  );
}

/**
 * A target's link to the catalogue: the suggestion with its score and "Xác nhận liên kết",
 * a picker for another indicator, or removing the link. Read-only when onChange is absent.
 */
export function IndicatorLink({
  value,
  suggestion,
  name,
  unit,
  onChange,
  busy,
}: {
  value: LinkValue;
  suggestion?: Suggestion | null;
  name?: string | null;
  unit?: string;
  onChange?: (v: LinkValue) => void;
  busy?: boolean;
}) {
  const { t, locale } = useI18n();
  const [picking, setPicking] = useState(false);
  const names = useIndicatorNames();
  const label = value.indicatorId
    ? (name ??
      names.get(value.indicatorId) ??
      (suggestion?.indicatorId === value.indicatorId ? suggestion.indicatorName : null) ??
      '…')
    : null;
  const score = suggestion && suggestion.indicatorId === value.indicatorId ? suggestion.score : null;

  if (picking && onChange) {
    return (
      <IndicatorSelect
        unit={unit}
        onCancel={() => setPicking(false)}
        onPick={(id) => {
          setPicking(false);
          onChange({ indicatorId: id, indicatorLink: 'confirmed' });
        }}
      />
    );
  }
  return (
    <Flex gap={6} align="center" wrap className="xs-link" data-testid="indicator-link">
      {value.indicatorId ? (
        <>
          {value.indicatorLink === 'confirmed' ? (
            <Tag
              color="green"
              icon={<CheckOutlined />}
              style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
              data-testid="link-confirmed"
            >
              {t('plans.link.linked')}: {label}
            </Tag>
          ) : (
            <Typography.Text style={{ fontSize: 13 }} data-testid="link-suggested">
              <LinkOutlined className="xs-muted" /> {t('plans.link.suggested')}: <b>{label}</b>
              {score !== null && (
                <span className="xs-muted">
                  {' '}
                  ({t('plans.link.score', { n: formatNumber(score * 100, locale, 0) })})
                </span>
              )}
            </Typography.Text>
          )}
          {onChange && value.indicatorLink !== 'confirmed' && (
            <Button
              size="small"
              type="primary"
              ghost
              loading={busy}
              onClick={() => onChange({ indicatorId: value.indicatorId, indicatorLink: 'confirmed' })}
              data-testid="confirm-link"
            >
              {t('plans.link.confirm')}
            </Button>
          )}
          {onChange && (
            <Button size="small" type="link" onClick={() => setPicking(true)} data-testid="pick-link">
              {t('plans.link.other')}
            </Button>
          )}
          {onChange && (
            <Button
              size="small"
              type="link"
              danger
              onClick={() => onChange({ indicatorId: null, indicatorLink: null })}
            >
              {t('plans.link.remove')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            <LinkOutlined /> {t('plans.link.none')}
          </Typography.Text>
          {onChange && (
            <Button size="small" type="link" onClick={() => setPicking(true)} data-testid="pick-link">
              {t('plans.link.pick')}
            </Button>
          )}
        </>
      )}
    </Flex>
  );
}
