import { Form, Select } from 'antd';
import { OrgUnitPicker, type PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { ROLES, roleGrantKinds, roleLabel, type Role } from '../../../lib/labels.ts';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';

/** Roles that can be granted on a node of this kind and that this person may hand out (the server says which). */
export function useGrantableRoles() {
  const me = useCurrentUser();
  const mine = new Set<Role>(me.grantableRoles);
  return (kind: PickedOrg['kind'] | undefined): Role[] => {
    if (!kind || !hasCapability(me, 'users.manage')) return [];
    return ROLES.filter((r) => roleGrantKinds[r].includes(kind) && mine.has(r));
  };
}

/**
 * One grant: where (a unit picker) and which role (only roles valid at that level).
 * `name` is the Form.Item name prefix (relative inside a Form.List); `path` the absolute one.
 */
export function GrantFields({
  name,
  path = name,
  orgLabel,
  roleLabelText,
}: {
  name: (string | number)[];
  path?: (string | number)[];
  orgLabel?: string;
  roleLabelText?: string;
}) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const grantable = useGrantableRoles();
  const org = Form.useWatch([...path, 'org'], form) as PickedOrg | null | undefined;
  const roles = grantable(org?.kind);
  return (
    <>
      <Form.Item
        name={[...name, 'org']}
        label={orgLabel ?? t('users.grantPlace')}
        rules={[{ required: true, message: t('common.required') }]}
        style={{ flex: '1 1 220px', marginBottom: 12 }}
      >
        <OrgUnitPicker
          data-testid="grant-org"
          onChange={(v) => {
            const current = form.getFieldValue([...path, 'role']) as Role | undefined;
            if (current && !grantable(v?.kind).includes(current)) form.setFieldValue([...path, 'role'], undefined);
          }}
        />
      </Form.Item>
      <Form.Item
        name={[...name, 'role']}
        label={roleLabelText ?? t('users.role')}
        rules={[{ required: true, message: t('common.required') }]}
        style={{ flex: '1 1 200px', marginBottom: 12 }}
      >
        <Select
          data-testid="grant-role"
          disabled={!org}
          placeholder={org ? t('users.pickRole') : t('users.pickPlaceFirst')}
          options={roles.map((r) => ({ value: r, label: roleLabel(r, locale) }))}
          notFoundContent={t('users.noRoleHere')}
        />
      </Form.Item>
    </>
  );
}
