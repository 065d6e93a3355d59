import { useMemo } from 'react';
import { Button, Flex, Select } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useCommunePlans, useCommuneStaff, useCommuneUnits, useOrgNode, usePlan } from '../api/lookups.ts';
import type { TaskFilter } from '../api/types.ts';

/** Accent-free match: "phu thinh" finds "Phú Thịnh". */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
const search = {
  filterOption: (input: string, opt?: { label?: unknown }) => fold(String(opt?.label ?? '')).includes(fold(input)),
};

export const thisYear = () => new Date().getFullYear();

interface Props {
  filter: TaskFilter;
  set: (patch: Partial<TaskFilter>) => void;
  /** A province officer picks among the communes of their province. */
  provinceId?: string;
  isProvince: boolean;
  show?: { person?: boolean; year?: boolean };
}

/** Filters shared by the board, the timeline and the overdue list: plan and group, unit, person, year. */
export function TaskFilters({ filter, set, provinceId, isProvince, show = { person: true, year: true } }: Props) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const province = useOrgNode(isProvince ? provinceId : undefined);
  const communes = (province.data?.children ?? []).filter((c) => c.kind === 'commune' && !c.closedOn);
  const plans = useCommunePlans(filter.communeId);
  const plan = usePlan(filter.planId);
  const { units } = useCommuneUnits(filter.communeId);
  const staff = useCommuneStaff(filter.communeId, hasCapability(me, 'users.read'));
  const groups = useMemo(
    () => [...new Set((plan.data?.tasks ?? []).map((x) => x.groupName).filter((g): g is string => !!g))],
    [plan.data],
  );
  // Without the right to list people, "only me" is the one useful choice.
  const people = staff.data?.length
    ? staff.data.map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }))
    : [{ value: me.id, label: t('tasks.filter.me') }];
  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2].map((y) => ({
    value: y,
    label: String(y),
  }));
  const any = !!(filter.planId || filter.unitId || filter.assigneeId || filter.year);

  return (
    <Flex gap={8} wrap className="xs-task-filters" data-testid="task-filters">
      {isProvince && (
        <Select
          showSearch={search}
          value={filter.communeId}
          onChange={(v) => set({ communeId: v })}
          loading={province.isPending}
          placeholder={t('tasks.pickCommune')}
          options={communes.map((c) => ({ value: c.id, label: c.fullName }))}
          style={{ minWidth: 200, flex: '1 1 200px' }}
          data-testid="commune-picker"
        />
      )}
      <Select
        allowClear
        value={filter.planId}
        onChange={(v) => set({ planId: v })}
        placeholder={t('tasks.filter.plan')}
        aria-label={t('tasks.filter.plan')}
        options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        style={{ flex: '1 1 180px', minWidth: 0, maxWidth: 320 }}
        popupMatchSelectWidth={false}
        data-testid="filter-plan"
      />
      {filter.planId && groups.length > 0 && (
        <Select
          allowClear
          value={filter.groupName}
          onChange={(v) => set({ groupName: v })}
          placeholder={t('tasks.filter.group')}
          aria-label={t('tasks.filter.group')}
          options={groups.map((g) => ({ value: g, label: g }))}
          style={{ flex: '1 1 180px', minWidth: 0, maxWidth: 320 }}
          popupMatchSelectWidth={false}
          data-testid="filter-group"
        />
      )}
      <Select
        allowClear
        showSearch={search}
        value={filter.unitId}
        onChange={(v) => set({ unitId: v })}
        placeholder={t('tasks.filter.unit')}
        aria-label={t('tasks.filter.unit')}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        style={{ flex: '1 1 160px', minWidth: 0, maxWidth: 260 }}
        popupMatchSelectWidth={false}
        data-testid="filter-unit"
      />
      {show.person !== false && (
        <Select
          allowClear
          showSearch={search}
          value={filter.assigneeId}
          onChange={(v) => set({ assigneeId: v })}
          placeholder={t('tasks.filter.person')}
          aria-label={t('tasks.filter.person')}
          options={people}
          style={{ flex: '1 1 160px', minWidth: 0, maxWidth: 260 }}
          popupMatchSelectWidth={false}
          data-testid="filter-person"
        />
      )}
      {show.year !== false && (
        <Select
          allowClear
          value={filter.year}
          onChange={(v) => set({ year: v })}
          placeholder={t('tasks.filter.year')}
          aria-label={t('tasks.filter.year')}
          options={years}
          style={{ width: 100 }}
          data-testid="filter-year"
        />
      )}
      {any && (
        <Button
          type="link"
          onClick={() => set({ planId: undefined, unitId: undefined, assigneeId: undefined, year: undefined })}
        >
          {t('tasks.filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
