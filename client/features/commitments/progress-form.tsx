/** An agency or the office records a cumulative value for one target, with evidence. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { todayIso } from '../../lib/clock';
import { fileToBase64 } from '../../lib/files';
import { useTRPC } from '../../lib/trpc';

export interface TargetOption {
  districtId: number | null;
  districtName: string | null;
}

export function ProgressForm({
  commitmentId,
  targets,
  correcting,
  onDone,
}: {
  commitmentId: number;
  targets: readonly TargetOption[];
  /** when set, the form records a correction of this entry */
  correcting?: { id: number; districtName: string | null; value: number; asOf: string };
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const options = targets.length ? targets : [{ districtId: null, districtName: null }];
  const [district, setDistrict] = useState(String(options[0]?.districtId ?? ''));
  const [value, setValue] = useState(correcting ? String(correcting.value) : '');
  const [asOf, setAsOf] = useState(correcting?.asOf ?? todayIso());
  const [evidenceText, setEvidenceText] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // the mutation cache has refreshed what the new value changes before this runs (mutation-effects.ts)
  const onSuccess = () => {
    setValue('');
    onDone?.();
  };
  const record = useMutation(trpc.progress.record.mutationOptions({ onSuccess }));
  const correct = useMutation(trpc.progress.correct.mutationOptions({ onSuccess }));
  const mutation = correcting ? correct : record;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const evidence = {
      value: Number(value),
      asOf,
      evidenceText: evidenceText.trim() || undefined,
      evidenceUrl: evidenceUrl.trim() || undefined,
      attachment: file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined,
    };
    if (correcting) correct.mutate({ supersedesId: correcting.id, reason, ...evidence });
    else record.mutate({ commitmentId, districtId: district === '' ? null : Number(district), ...evidence });
  }

  return (
    <form
      className="editor"
      onSubmit={submit}
      aria-label={correcting ? t('progress.correctTitle') : t('progress.title')}
    >
      <div className="form-grid">
        {!correcting && (
          <label className="field">
            <span>{t('progress.district')}</span>
            <select value={district} onChange={(e) => setDistrict(e.target.value)}>
              {options.map((o) => (
                <option key={o.districtId ?? 'city'} value={o.districtId ?? ''}>
                  {o.districtName ?? t('common.cityLevel')}
                </option>
              ))}
            </select>
          </label>
        )}
        <TextField
          label={t('progress.value')}
          type="number"
          min={0}
          step="any"
          required
          value={value}
          onChange={setValue}
        />
        <TextField
          label={t('progress.asOf')}
          type="date"
          required
          max={todayIso()}
          value={asOf}
          onChange={setAsOf}
        />
        <TextField
          label={t('progress.evidenceUrl')}
          type="url"
          placeholder="https://"
          value={evidenceUrl}
          onChange={setEvidenceUrl}
        />
      </div>
      <label className="field">
        <span>{t('progress.evidenceText')}</span>
        <textarea
          rows={2}
          maxLength={2000}
          value={evidenceText}
          onChange={(e) => setEvidenceText(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('progress.attachment')}</span>
        <input
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.txt"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {correcting && (
        <label className="field">
          <span>{t('progress.correctionReason')}</span>
          <input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {correcting ? t('progress.submitCorrection') : t('progress.submit')}
        </button>
        {mutation.error && (
          <p className="form-error" role="alert">
            {errorMessage(mutation.error, t('errors.generic'))}
          </p>
        )}
        {mutation.isSuccess && (
          <p className="form-success" role="status">
            {t('progress.saved')}
          </p>
        )}
      </div>
    </form>
  );
}
