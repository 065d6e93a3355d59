import { useEffect } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCreateIndicator, useUpdateIndicator, type Domain, type Indicator } from '../api/indicators.ts';
import { DOMAINS, domainLabel } from './catalogueText.ts';

interface Values {
  code: string;
  name: string;
  unit: string;
  domain: Domain;
  description?: string;
  numerator?: string;
  denominator?: string;
  source?: string;
  aliases: string[];
}

const orNull = (s?: string) => (s && s.trim() ? s.trim() : null);

/** Add an indicator to the shared catalogue, or edit one (the code never changes). */
export function IndicatorFormModal({
  open,
  indicator,
  onClose,
}: {
  open: boolean;
  indicator: Indicator | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator(indicator?.id ?? '');
  const m = indicator ? update : create;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (indicator)
      form.setFieldsValue({
        ...indicator,
        description: indicator.description ?? '',
        numerator: indicator.numerator ?? '',
        denominator: indicator.denominator ?? '',
        source: indicator.source ?? '',
      });
  }, [open, indicator?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = (v: Values) => {
    const body = {
      name: v.name.trim(),
      unit: v.unit.trim(),
      domain: v.domain,
      description: orNull(v.description),
      numerator: orNull(v.numerator),
      denominator: orNull(v.denominator),
      source: orNull(v.source),
      aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean),
    };
    const opts = { onSuccess: onClose, onError: (err: unknown) => applyFieldErrors(form, err, locale) };
    if (indicator) update.mutate(body, opts);
    else create.mutate({ ...body, code: v.code.trim().toUpperCase() }, opts);
  };

  return (
    <Modal
      open={open}
      title={indicator ? t('catalogue.edit') : t('catalogue.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
      width={680}
      forceRender
    >
      {m.error && <Alert type="error" showIcon title={errorText(m.error, locale)} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ domain: 'digital_government', unit: '%', aliases: [] }}
        data-testid="indicator-form"
      >
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label={t('catalogue.code')}
              rules={[
                {
                  required: !indicator,
                  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,30}$/,
                  message: t('catalogue.codeRule'),
                },
              ]}
            >
              <Input disabled={!!indicator} maxLength={31} placeholder="HP-DVC-01" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="domain" label={t('catalogue.domain')}>
              <Select options={DOMAINS.map((d) => ({ value: d, label: domainLabel(d, locale) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('catalogue.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="unit"
              label={t('catalogue.unit')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="source" label={t('catalogue.source')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="numerator" label={t('catalogue.numerator')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="denominator" label={t('catalogue.denominator')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('catalogue.description')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="aliases" label={t('catalogue.aliases')} tooltip={t('catalogue.aliasesHint')}>
          <Select mode="tags" tokenSeparators={[';']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
