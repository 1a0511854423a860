/** Withdrawing a commitment, or explaining why it was not kept: always with a reason code. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_CODES, type ReasonCode } from '../../../shared/commitments';
import { WriteError } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

export function OutcomeActions({
  commitmentId,
  version,
  mode,
}: {
  commitmentId: number;
  /** the version the page read: a withdrawal or reason from an older one is refused */
  version: number;
  mode: 'withdraw' | 'explain';
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [reasonCode, setReasonCode] = useState<ReasonCode>('funding');
  const [reasonText, setReasonText] = useState('');
  const withdraw = useMutation(trpc.progress.withdraw.mutationOptions());
  const explain = useMutation(trpc.progress.explainOutcome.mutationOptions());
  const mutation = mode === 'withdraw' ? withdraw : explain;
  return (
    <details className="card action-card">
      <summary>{mode === 'withdraw' ? t('progress.withdraw') : t('progress.explain')}</summary>
      <form
        className="editor"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ id: commitmentId, version, reasonCode, reasonText: reasonText || undefined });
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>{t('progress.reasonCode')}</span>
            <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value as ReasonCode)}>
              {REASON_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`reason.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field wide">
            <span>{t('progress.reasonText')}</span>
            <input maxLength={1000} value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className={mode === 'withdraw' ? 'button button-danger' : 'button'}
            disabled={mutation.isPending}
          >
            {mode === 'withdraw' ? t('progress.submitWithdraw') : t('progress.explain')}
          </button>
          {mutation.error && <WriteError error={mutation.error} />}
        </div>
      </form>
    </details>
  );
}

export function MilestoneActions({
  commitmentId,
  version,
  state,
}: {
  commitmentId: number;
  /** the version the page read: a state set from an older one is refused */
  version: number;
  state: 'open' | 'done' | 'not_done';
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const set = useMutation(trpc.progress.setMilestone.mutationOptions());
  return (
    <div className="form-actions">
      {state !== 'done' && (
        <button
          type="button"
          className="button"
          onClick={() => set.mutate({ id: commitmentId, version, state: 'done' })}
        >
          {t('progress.milestoneDone')}
        </button>
      )}
      {state !== 'not_done' && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set.mutate({ id: commitmentId, version, state: 'not_done' })}
        >
          {t('progress.milestoneNotDone')}
        </button>
      )}
      {state !== 'open' && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set.mutate({ id: commitmentId, version, state: 'open' })}
        >
          {t('progress.milestoneReopen')}
        </button>
      )}
      {set.error && <WriteError error={set.error} />}
    </div>
  );
}
