import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Modal, Progress, Select, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { OrgUnitPicker, type PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser, type CurrentUser } from '../../../lib/session.ts';
import { checkPlanFile, uploadPlan } from '../api/upload-plan.ts';

/** Communes where the person may manage plans (plan officers and leaders are granted on the commune). */
export function manageableCommunes(user: CurrentUser) {
  const seen = new Set<string>();
  return user.grants
    .filter((g) => g.orgKind === 'commune' && (g.role === 'plan_officer' || g.role === 'commune_leader'))
    .filter((g) => !seen.has(g.orgUnitId) && !!seen.add(g.orgUnitId))
    .map((g) => ({ id: g.orgUnitId, name: g.orgUnitName }));
}

type Phase =
  { step: 'pick' } | { step: 'uploading'; percent: number } | { step: 'reading' } | { step: 'failed'; error: unknown };

interface Props {
  open: boolean;
  onClose: () => void;
  /** A re-import: the plan and its commune are fixed. */
  reimport?: { planId: string; communeId: string; communeName: string };
}

/** Choose the commune and the document, upload with real progress, then wait while the server reads it. */
export function UploadPlanModal({ open, onClose, reimport }: Props) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const communes = manageableCommunes(user);
  const isAdmin = user.grants.some((g) => g.role === 'system_admin');
  const own =
    communes.find((c) => c.id === user.orgUnitId || user.orgUnitName.toLowerCase().endsWith(c.name.toLowerCase())) ??
    communes[0];
  const [communeId, setCommuneId] = useState<string | undefined>(own?.id);
  const [picked, setPicked] = useState<PickedOrg | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (open) {
      setFile(null);
      setFileError(null);
      setPhase({ step: 'pick' });
    }
  }, [open]);

  const target = reimport?.communeId ?? communeId ?? picked?.id;
  const busy = phase.step === 'uploading' || phase.step === 'reading';

  const pickFile = (f: File) => {
    const problem = checkPlanFile(f);
    setFileError(
      problem
        ? t(`plans.upload.problem.${problem}`, { name: f.name, size: formatNumber(f.size / 1024 / 1024, locale) })
        : null,
    );
    setFile(problem ? null : f);
    setPhase({ step: 'pick' });
    return false as const; // never let the Upload component send it: we do, with progress
  };

  const start = async () => {
    if (!file || !target) return;
    abort.current = new AbortController();
    setPhase({ step: 'uploading', percent: 0 });
    try {
      const draft = await uploadPlan(
        file,
        { communeId: target, planId: reimport?.planId },
        {
          signal: abort.current.signal,
          onProgress: (p) =>
            setPhase({
              step: 'uploading',
              percent: Math.min(100, Math.round((p.loaded / Math.max(1, p.total)) * 100)),
            }),
          onUploaded: () => setPhase({ step: 'reading' }),
        },
      );
      onClose();
      navigate(`/plans/imports/${draft.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ABORTED') setPhase({ step: 'pick' });
      else setPhase({ step: 'failed', error });
    }
  };

  const cancel = () => {
    if (busy) abort.current?.abort();
    else onClose();
  };

  const serverDetail =
    phase.step === 'failed' &&
    phase.error instanceof ApiError &&
    locale === 'vi' &&
    phase.error.message !== errorText(phase.error, locale)
      ? phase.error.message
      : null;

  return (
    <Modal
      open={open}
      title={reimport ? t('plans.upload.titleReimport') : t('plans.upload.title')}
      okText={t('plans.upload.start')}
      cancelText={busy ? t('plans.upload.stop') : t('common.cancel')}
      onOk={start}
      onCancel={cancel}
      okButtonProps={{ disabled: !file || !target || busy, 'data-testid': 'upload-start' }}
      maskClosable={!busy}
      closable={!busy}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false} data-testid="upload-form">
        {reimport ? (
          <Form.Item label={t('plans.upload.commune')}>
            <Typography.Text strong>{reimport.communeName}</Typography.Text>
          </Form.Item>
        ) : communes.length > 0 ? (
          <Form.Item label={t('plans.upload.commune')} required>
            <Select
              value={communeId}
              onChange={setCommuneId}
              disabled={busy}
              options={communes.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="upload-commune"
            />
          </Form.Item>
        ) : isAdmin ? (
          <Form.Item label={t('plans.upload.commune')} required>
            <OrgUnitPicker kind="commune" value={picked} onChange={setPicked} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('plans.upload.file')} extra={t('plans.upload.fileHint')} required>
          <Upload.Dragger
            accept=".txt,.docx,.pdf"
            multiple={false}
            showUploadList={false}
            beforeUpload={pickFile}
            disabled={busy}
            data-testid="upload-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text" style={{ overflowWrap: 'anywhere' }}>
              {file ? `${file.name} (${formatNumber(file.size / 1024, locale, 0)} KB)` : t('plans.upload.drop')}
            </p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {fileError && <Alert type="error" showIcon title={fileError} data-testid="file-error" />}
      {phase.step === 'uploading' && <Progress percent={phase.percent} status="active" data-testid="upload-progress" />}
      {phase.step === 'reading' && (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }} data-testid="upload-reading">
          <Spin /> <span>{t('plans.upload.reading')}</span>
        </div>
      )}
      {phase.step === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={errorText(phase.error, locale)}
          description={serverDetail}
          data-testid="upload-error"
        />
      )}
    </Modal>
  );
}
