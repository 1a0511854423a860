/** One extracted item under review: its fields, and confirm / correct / reject. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WriteError } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { type CommitmentDraft, CommitmentFields, toCommitmentFields } from './commitment-fields';

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
  /** sent back with the decision: refused when someone changed the item since */
  version: number;
}

export function CommitmentEditor({
  item,
  selection,
  letterText,
  onSaved,
}: {
  item: EditableItem;
  selection: { start: number; end: number } | null;
  letterText: string;
  /** told after a decision is stored; the page moves on to the next item */
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [span, setSpan] = useState({ start: item.start, end: item.end });
  const [draft, setDraft] = useState<CommitmentDraft>({
    min: String(item.min ?? ''),
    max: item.max === null ? '' : String(item.max),
    unit: item.unit ?? '',
    object: item.object ?? '',
    per: item.per ?? '',
    deadlineYear: item.deadlineYear === null ? '' : String(item.deadlineYear),
  });
  const [note, setNote] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  // the mutation cache has refreshed what the decision changes before this runs (mutation-effects.ts)
  const onSuccess = () => onSaved();
  const confirm = useMutation(trpc.review.confirm.mutationOptions({ onSuccess }));
  const correct = useMutation(trpc.review.correct.mutationOptions({ onSuccess }));
  const reject = useMutation(trpc.review.reject.mutationOptions({ onSuccess }));
  const pending = confirm.isPending || correct.isPending || reject.isPending;
  const failure = confirm.error ?? correct.error ?? reject.error;

  const submitCorrection = (event: FormEvent) => {
    event.preventDefault();
    const fields = toCommitmentFields(draft);
    correct.mutate({
      id: item.id,
      version: item.version,
      start: span.start,
      end: span.end,
      ...fields,
      unit: fields.unit || '项',
      object: fields.object || item.quote.slice(0, 50),
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
      {item.kind === 'quantified' && <CommitmentFields draft={draft} onChange={setDraft} />}
      <label className="field">
        <span>{t('review.note')}</span>
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => confirm.mutate({ id: item.id, version: item.version, note: note || undefined })}
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
          onClick={() => reject.mutate({ id: item.id, version: item.version, reason: rejectReason })}
        >
          {t('review.reject')}
        </button>
      </div>
      {failure && <WriteError error={failure} />}
    </form>
  );
}
