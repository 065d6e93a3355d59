import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import type { OrgKindValue } from '../lib/labels.ts';
import { useOrgSearch } from '../lib/queries/search-org.ts';
import { useDebounced } from '../lib/use-debounced.ts';

/** What a picker holds: enough to show the choice and to know which roles fit it. */
export interface PickedOrg {
  id: string;
  name: string;
  kind: OrgKindValue;
  code: string;
}

interface Props {
  value?: PickedOrg | null;
  onChange?: (v: PickedOrg | null) => void;
  kind?: OrgKindValue;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Pick a unit, commune or province by typing (accents optional) within the person's scope. */
export function OrgUnitPicker({ value, onChange, kind, placeholder, allowClear, id, ...rest }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const term = useDebounced(q, 250);
  const search = useOrgSearch(term, kind);
  const items = useMemo(() => {
    const found = (search.data?.items ?? []).filter((i) => !i.closedOn);
    const list = found.map((i) => ({ id: i.id, name: i.fullName, kind: i.kind, code: i.code, path: i.path }));
    if (value && !list.some((i) => i.id === value.id)) list.unshift({ ...value, path: [] });
    return list;
  }, [search.data, value]);

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      allowClear={allowClear}
      value={value?.id}
      placeholder={placeholder ?? t('common.typeToSearchOrg')}
      notFoundContent={
        term ? (search.isFetching ? t('common.searching') : t('org.noResults')) : t('common.typeToSearchOrg')
      }
      loading={search.isFetching}
      onChange={(v: string | undefined) => {
        const item = items.find((i) => i.id === v);
        onChange?.(item ? { id: item.id, name: item.name, kind: item.kind, code: item.code } : null);
        setQ('');
      }}
      options={items.map((i) => ({
        value: i.id,
        label: i.name,
        title: [...i.path, i.name].join(' › '),
      }))}
      optionRender={(o) => {
        const i = items.find((x) => x.id === o.value);
        return (
          <div style={{ whiteSpace: 'normal' }}>
            <div>{i?.name}</div>
            {i && i.path.length > 0 && (
              <div className="xs-muted" style={{ fontSize: 12 }}>
                {i.path.join(' › ')} · {i.code}
              </div>
            )}
          </div>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
