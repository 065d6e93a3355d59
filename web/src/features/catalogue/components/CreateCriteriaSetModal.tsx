import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { OrgUnitPicker, type PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { useCreateCriteriaSet } from '../api/criteria-sets.ts';
import { CRITERIA_SET_EXAMPLE } from './catalogueText.ts';

/** A criteria set from pasted JSON (the province's decision, typed once); the server checks every field. */
export function CreateCriteriaSetModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const provinces = [
    ...new Map(me.grants.filter((g) => g.orgKind === 'province').map((g) => [g.orgUnitId, g.orgUnitName])).entries(),
  ];
  const [provinceId, setProvinceId] = useState<string | undefined>(provinces[0]?.[0]);
  const [picked, setPicked] = useState<PickedOrg | null>(null);
  const [json, setJson] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const create = useCreateCriteriaSet();

  useEffect(() => {
    if (open) {
      create.reset();
      setParseError(null);
      setJson(JSON.stringify(CRITERIA_SET_EXAMPLE, null, 2));
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = () => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(json) as Record<string, unknown>;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(t('catalogue.sets.notObject'));
    } catch (e) {
      setParseError((e as Error).message);
      return;
    }
    setParseError(null);
    create.mutate(
      { ...body, provinceId: body.provinceId ?? provinceId ?? picked?.id },
      { onSuccess: (set) => onCreated(set.id) },
    );
  };

  const fields = create.error instanceof ApiError ? create.error.fields : [];
  return (
    <Modal
      open={open}
      title={t('catalogue.sets.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={760}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('catalogue.sets.province')}>
          {provinces.length > 0 ? (
            <Select
              value={provinceId}
              onChange={setProvinceId}
              options={provinces.map(([id, name]) => ({ value: id, label: name }))}
            />
          ) : (
            <OrgUnitPicker kind="province" value={picked} onChange={setPicked} />
          )}
        </Form.Item>
        <Form.Item label={t('catalogue.sets.json')} extra={t('catalogue.sets.jsonHint')}>
          <Input.TextArea
            value={json}
            onChange={(e) => setJson(e.target.value)}
            autoSize={{ minRows: 10, maxRows: 22 }}
            spellCheck={false}
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}
            data-testid="criteria-json"
          />
        </Form.Item>
      </Form>
      {parseError && <Alert type="error" showIcon title={t('catalogue.sets.badJson', { error: parseError })} />}
      {create.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(create.error, locale)}
          description={
            fields.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {fields.map((f, i) => (
                  <li key={i}>
                    <code>{f.path.replace(/^body\./, '')}</code>: {f.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="criteria-error"
        />
      )}
    </Modal>
  );
}
