import { Tag, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { roleLabel, type Role } from '../lib/labels.ts';

export interface GrantLike {
  id: string;
  role: Role;
  orgUnitName: string;
  orgUnitCode: string;
}

/** "Lãnh đạo UBND xã — Xã Vĩnh Bảo", one line per grant. */
export function grantText(g: GrantLike, locale: 'vi' | 'en') {
  return `${roleLabel(g.role, locale)} — ${g.orgUnitName}`;
}

export function GrantList({ grants, extra }: { grants: GrantLike[]; extra?: (g: GrantLike) => React.ReactNode }) {
  const { locale, t } = useI18n();
  if (grants.length === 0) return <Typography.Text type="secondary">{t('common.noRoles')}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {grants.map((g) => (
        <div key={g.id} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }} data-testid="grant">
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {roleLabel(g.role, locale)}
          </Tag>
          <span style={{ overflowWrap: 'anywhere' }}>{g.orgUnitName}</span>
          <span className="xs-code">{g.orgUnitCode}</span>
          {extra?.(g)}
        </div>
      ))}
    </div>
  );
}
