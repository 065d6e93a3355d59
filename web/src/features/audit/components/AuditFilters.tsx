import { Button, Col, DatePicker, Input, Row, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { UserPicker, type PickedUser } from '../../../components/UserPicker.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { AuditFilter } from '../api/list-audit.ts';
import { actionLabel, actionLabels, recordTypeLabel, recordTypeLabels } from './auditLabels.ts';

export interface AuditFilterState extends AuditFilter {
  actorName?: string;
}

/** Every filter lives in the address bar, so a filtered log can be bookmarked or linked from a user page. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterState;
  onChange: (v: AuditFilterState) => void;
}) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch });
  const actor: PickedUser | null = value.actorId
    ? { id: value.actorId, label: value.actorName ?? value.actorId }
    : null;
  const hasAny = Object.values(value).some(Boolean);
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} md={12} lg={8}>
        <UserPicker
          value={actor}
          onChange={(u) => set({ actorId: u?.id, actorName: u?.label })}
          placeholder={t('audit.actor')}
        />
      </Col>
      <Col xs={12} md={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('audit.recordType')}
          value={value.recordType}
          onChange={(v?: string) => set({ recordType: v })}
          options={Object.keys(recordTypeLabels).map((k) => ({ value: k, label: recordTypeLabel(k, locale) }))}
        />
      </Col>
      <Col xs={12} md={6} lg={4}>
        <Input.Search
          allowClear
          placeholder={t('audit.recordId')}
          defaultValue={value.recordId}
          key={value.recordId ?? ''}
          onSearch={(v) => set({ recordId: v.trim() || undefined })}
        />
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('audit.action')}
          value={value.action}
          onChange={(v?: string) => set({ action: v })}
          options={Object.keys(actionLabels).map((k) => ({ value: k, label: actionLabel(k, locale) }))}
        />
      </Col>
      <Col xs={24} md={12} lg={8}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          format="DD/MM/YYYY"
          placeholder={[t('audit.from'), t('audit.to')]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          allowEmpty={[true, true]}
          onChange={(r) =>
            set({ from: r?.[0] ? toIsoDate(r[0]) : undefined, to: r?.[1] ? toIsoDate(r[1]) : undefined })
          }
        />
      </Col>
      {hasAny && (
        <Col xs={24} md={12} lg={8}>
          <Button icon={<ClearOutlined />} onClick={() => onChange({})}>
            {t('audit.clearFilters')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
