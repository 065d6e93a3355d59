import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { useOrgNode } from '../api/calendar.ts';

/** Accent-free match: "phu thinh" finds "Phú Thịnh". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** A province officer's choice among the communes of the province. */
export function CommunePicker({
  provinceId,
  value,
  onChange,
}: {
  provinceId: string;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const province = useOrgNode(provinceId);
  const communes = (province.data?.children ?? []).filter((c) => c.kind === 'commune' && !c.closedOn);
  return (
    <Select
      showSearch={{ filterOption: (input, opt) => fold(String(opt?.label ?? '')).includes(fold(input)) }}
      value={value}
      onChange={onChange}
      loading={province.isPending}
      placeholder={t('reports.pickCommune')}
      options={communes.map((c) => ({ value: c.id, label: c.fullName }))}
      style={{ minWidth: 200, flex: '1 1 200px' }}
      data-testid="commune-picker"
    />
  );
}
