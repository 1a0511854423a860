/** Adds a commitment or milestone the extractor missed, from text the reviewer selected. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { type CommitmentDraft, CommitmentFields, toCommitmentFields } from './commitment-fields';

/** The first number in the selection is the likeliest target; the reviewer can change it. */
function firstNumber(quote: string): string {
  return quote.match(/\d+(?:\.\d+)?/)?.[0] ?? '';
}

export function AddFromSelection({
  letterId,
  selection,
  quote,
  onDone,
}: {
  letterId: number;
  selection: { start: number; end: number };
  quote: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<CommitmentDraft>({
    min: firstNumber(quote),
    max: '',
    unit: '个',
    object: '',
    per: '',
    deadlineYear: '',
  });
  // the mutation cache has refreshed what the new item changes before this runs (mutation-effects.ts)
  const onSuccess = () => onDone();
  const addCommitment = useMutation(trpc.review.addCommitment.mutationOptions({ onSuccess }));
  const addMilestone = useMutation(trpc.review.addMilestone.mutationOptions({ onSuccess }));
  const failure = addCommitment.error ?? addMilestone.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    addCommitment.mutate({ letterId, ...selection, ...toCommitmentFields(draft), section: null });
  };

  return (
    <form className="card editor" onSubmit={submit}>
      <h2>{t('review.addFromSelection')}</h2>
      <p className="small">
        {t('review.selected')} <q>{quote}</q>
      </p>
      <CommitmentFields draft={draft} onChange={setDraft} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={addCommitment.isPending}>
          {t('review.addFromSelection')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={addMilestone.isPending}
          onClick={() =>
            addMilestone.mutate({
              letterId,
              ...selection,
              deadlineYear: toCommitmentFields(draft).deadlineYear,
              section: null,
            })
          }
        >
          {t('review.addMilestone')}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure, t('errors.generic'))}
        </p>
      )}
    </form>
  );
}
