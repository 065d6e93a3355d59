import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useReviewSubmission } from '../api/submission.ts';

/** "Trả lại" (with a required reason) and "Duyệt" for a submitted unit report. */
export function ReviewButtons({
  submissionId,
  unitName,
  size = 'middle',
}: {
  submissionId: string;
  unitName: string;
  size?: 'small' | 'middle';
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const review = useReviewSubmission();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();

  const approve = () =>
    review.mutate(
      { id: submissionId, decision: 'approve' },
      {
        onSuccess: () => message.success(t('reports.review.approved', { unit: unitName })),
        onError: (e) => message.error(errorText(e, locale)),
      },
    );
  const sendBack = async () => {
    const { comment } = await form.validateFields();
    review.mutate(
      { id: submissionId, decision: 'return', comment: comment.trim() },
      {
        onSuccess: () => {
          message.success(t('reports.review.returned', { unit: unitName }));
          setReturning(false);
          form.resetFields();
        },
        onError: (e) => message.error(errorText(e, locale)),
      },
    );
  };

  return (
    <Space size={4} wrap>
      <Button
        size={size}
        danger
        icon={<RollbackOutlined />}
        onClick={() => setReturning(true)}
        data-testid="return-submission"
      >
        {t('reports.review.return')}
      </Button>
      <Popconfirm
        title={t('reports.review.approveConfirm', { unit: unitName })}
        okText={t('reports.review.approve')}
        cancelText={t('common.cancel')}
        onConfirm={approve}
      >
        <Button
          size={size}
          type="primary"
          icon={<CheckOutlined />}
          loading={review.isPending && review.variables?.decision === 'approve'}
          data-testid="approve-submission"
        >
          {t('reports.review.approve')}
        </Button>
      </Popconfirm>
      <Modal
        open={returning}
        title={t('reports.review.returnTitle', { unit: unitName })}
        okText={t('reports.review.return')}
        okButtonProps={{ danger: true, loading: review.isPending, ...{ 'data-testid': 'return-confirm' } }}
        cancelText={t('common.cancel')}
        onOk={sendBack}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={t('reports.review.reason')}
            rules={[{ required: true, whitespace: true, min: 3, message: t('reports.review.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
