/** One extracted item under review: its fields, and confirm / correct / reject. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PER_SCOPES, type PerScope } from '../../../shared/extraction';
import { errorMessage } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

export interface EditableItem {
  id: number;
  kind: 'quantified' | 'milestone';
  quote: string;
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  unit: string | null;
  object: string | null;
  per: string | null;
  deadlineYear: number | null;
  section: string | null;
  reviewStatus: 'unverified' | 'confirmed' | 'rejected';
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

export function CommitmentEditor({
  item,
  selection,
  letterText,
}: {
  item: EditableItem;
  selection: { start: number; end: number } | null;
  letterText: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [span, setSpan] = useState({ start: item.start, end: item.end });
  const [min, setMin] = useState(String(item.min ?? ''));
  const [max, setMax] = useState(item.max === null ? '' : String(item.max));
  const [unit, setUnit] = useState(item.unit ?? '');
  const [object, setObject] = useState(item.object ?? '');
  const [per, setPer] = useState(item.per ?? '');
  const [deadlineYear, setDeadlineYear] = useState(
    item.deadlineYear === null ? '' : String(item.deadlineYear),
  );
  const [note, setNote] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const onSuccess = () => queryClient.invalidateQueries();
  const confirm = useMutation(trpc.review.confirm.mutationOptions({ onSuccess }));
  const correct = useMutation(trpc.review.correct.mutationOptions({ onSuccess }));
  const reject = useMutation(trpc.review.reject.mutationOptions({ onSuccess }));
  const pending = confirm.isPending || correct.isPending || reject.isPending;
  const failure = confirm.error ?? correct.error ?? reject.error;
  const done = confirm.isSuccess || correct.isSuccess || reject.isSuccess;

  const submitCorrection = (event: FormEvent) => {
    event.preventDefault();
    correct.mutate({
      id: item.id,
      start: span.start,
      end: span.end,
      min: Number(min || 0),
      max: numberOrNull(max),
      unit: unit || '项',
      object: object || item.quote.slice(0, 50),
      per: (per || null) as PerScope | null,
      deadlineYear: numberOrNull(deadlineYear),
      section: item.section,
      note: note || undefined,
    });
  };

  return (
    <form className="editor" onSubmit={submitCorrection} aria-label={t('review.saveCorrection')}>
      <div className="editor-quote">
        <span className="muted small">{t('review.fields.quote')}</span>
        <blockquote className="quote">{letterText.slice(span.start, span.end)}</blockquote>
        {selection && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setSpan(selection)}
          >
            {t('review.useSelection')}
          </button>
        )}
      </div>
      {item.kind === 'quantified' && (
        <div className="form-grid">
          <label className="field">
            <span>{t('review.fields.min')}</span>
            <input
              type="number"
              min={0}
              step="any"
              required
              value={min}
              onChange={(e) => setMin(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('review.fields.max')}</span>
            <input type="number" min={0} step="any" value={max} onChange={(e) => setMax(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('review.fields.unit')}</span>
            <input value={unit} required maxLength={20} onChange={(e) => setUnit(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('review.fields.object')}</span>
            <input value={object} required maxLength={200} onChange={(e) => setObject(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('review.fields.per')}</span>
            <select value={per} onChange={(e) => setPer(e.target.value)}>
              <option value="">{t('review.fields.perNone')}</option>
              {PER_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`per.${scope}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('review.fields.deadlineYear')}</span>
            <input
              type="number"
              min={1990}
              max={2100}
              value={deadlineYear}
              onChange={(e) => setDeadlineYear(e.target.value)}
            />
          </label>
        </div>
      )}
      <label className="field">
        <span>{t('review.note')}</span>
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => confirm.mutate({ id: item.id, note: note || undefined })}
        >
          {t('review.confirm')}
        </button>
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t('review.saveCorrection')}
        </button>
      </div>
      <div className="form-actions reject-row">
        <input
          aria-label={t('review.rejectReason')}
          placeholder={t('review.rejectPlaceholder')}
          value={rejectReason}
          maxLength={500}
          onChange={(e) => setRejectReason(e.target.value)}
        />
        <button
          type="button"
          className="button button-danger"
          disabled={pending || !rejectReason.trim()}
          onClick={() => reject.mutate({ id: item.id, reason: rejectReason })}
        >
          {t('review.reject')}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure, t('errors.generic'))}
        </p>
      )}
      {done && !failure && (
        <p className="form-success" role="status">
          {t('review.saved')}
        </p>
      )}
    </form>
  );
}
