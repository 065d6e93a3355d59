import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { useUserSearch } from '../lib/queries/search-users.ts';
import { useDebounced } from '../lib/use-debounced.ts';

export interface PickedUser {
  id: string;
  label: string;
}

/** Pick a person in one's scope by name or username. */
export function UserPicker({
  value,
  onChange,
  placeholder,
}: {
  value?: PickedUser | null;
  onChange?: (v: PickedUser | null) => void;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const term = useDebounced(q, 250);
  const search = useUserSearch(term);
  const options = useMemo(() => {
    const list = (search.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
    if (value && !list.some((o) => o.value === value.id)) list.unshift({ value: value.id, label: value.label });
    return list;
  }, [search.data, value]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      allowClear
      value={value?.id}
      placeholder={placeholder ?? t('common.typeToSearchUser')}
      notFoundContent={term ? t('common.nothingFound') : t('common.typeToSearchUser')}
      loading={search.isFetching}
      onChange={(v: string | undefined) => {
        const o = options.find((x) => x.value === v);
        onChange?.(o ? { id: o.value, label: o.label } : null);
        setQ('');
      }}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
