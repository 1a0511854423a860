/** 督办: requests from the office with a due date, and the agency's answers. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export interface FollowUp {
  id: number;
  request: string;
  dueDate: string | null;
  response: string | null;
  respondedAt: string | null;
  requestedBy: string | null;
  respondedBy: string | null;
  createdAt: string;
}

function AnswerForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [response, setResponse] = useState('');
  const answer = useMutation(trpc.followUps.answer.mutationOptions());
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate({ id, response });
      }}
    >
      <input
        aria-label={t('followUps.response')}
        placeholder={t('followUps.response')}
        required
        value={response}
        onChange={(e) => setResponse(e.target.value)}
      />
      <button type="submit" className="button button-small" disabled={answer.isPending}>
        {t('followUps.submitAnswer')}
      </button>
      {answer.error && <span className="form-error">{errorMessage(answer.error, t('errors.generic'))}</span>}
    </form>
  );
}

export function FollowUpsPanel({
  commitmentId,
  followUps,
  canRequest,
  canAnswer,
}: {
  commitmentId: number;
  followUps: readonly FollowUp[];
  canRequest: boolean;
  canAnswer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [request, setRequest] = useState('');
  const [dueDate, setDueDate] = useState('');
  const create = useMutation(
    trpc.followUps.create.mutationOptions({
      onSuccess: () => setRequest(''),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ commitmentId, request, dueDate: dueDate || undefined });
  };
  return (
    <section className="card" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      {followUps.length === 0 ? (
        <p className="empty-state">{t('followUps.none')}</p>
      ) : (
        <ol className="timeline">
          {followUps.map((f) => (
            <li key={f.id}>
              <div>
                <strong>{f.request}</strong>{' '}
                {f.dueDate && (
                  <span className="tag">
                    {t('followUps.dueDate')} {formatDate(f.dueDate, i18n.language)}
                  </span>
                )}
              </div>
              {f.response ? (
                <div className="small">
                  {f.response} —{' '}
                  <span className="muted">
                    {t('followUps.answeredBy', {
                      name: f.respondedBy ?? '',
                      date: formatDate(f.respondedAt, i18n.language),
                    })}
                  </span>
                </div>
              ) : canAnswer ? (
                <AnswerForm id={f.id} />
              ) : (
                <span className="badge status status-behind">{t('followUps.waiting')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canRequest && (
        <form className="editor" onSubmit={submit}>
          <div className="form-grid">
            <label className="field wide">
              <span>{t('followUps.request')}</span>
              <input required maxLength={2000} value={request} onChange={(e) => setRequest(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('followUps.dueDate')}</span>
              <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={create.isPending}>
              {t('followUps.create')}
            </button>
            {create.error && <p className="form-error">{errorMessage(create.error, t('errors.generic'))}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
