/**
 * / for a signed-in user — 我的工作台: what this person has to do, from `start.mine`. Anonymous
 * readers get the city overview at / instead (client/app/home-page.tsx); it stays one click away
 * at /overview for everyone.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { ReplyLink, SuggestionHeading } from '../../components/suggestion-heading';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { type RouterOutputs, useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../../lib/use-current-user';

type StartData = RouterOutputs['start']['mine'];
type ClerkData = Extract<StartData, { role: 'agency' }>;
type DeputyData = Extract<StartData, { role: 'deputy' }>;
type OfficeData = Extract<StartData, { role: 'office' }>;

export function StartPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const start = useQuery(trpc.start.mine.queryOptions());
  const role = user?.role ?? 'office';
  return (
    <div className="page start-page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('start.title')}</h1>
          <p className="muted">{t(`start.subtitle.${role}`, { name: user?.displayName ?? '' })}</p>
        </div>
        <Link className="button button-secondary" to="/overview">
          {t('start.openOverview')}
        </Link>
      </header>
      {start.isPending ? (
        <Loading />
      ) : start.isError ? (
        <LoadError error={start.error} onRetry={() => void start.refetch()} />
      ) : start.data.role === 'agency' ? (
        user?.agencyId === null ? (
          <p className="empty-state">{t('start.clerk.noAgency')}</p>
        ) : (
          <ClerkStart data={start.data} />
        )
      ) : start.data.role === 'deputy' ? (
        <DeputyStart data={start.data} />
      ) : (
        <OfficeStart data={start.data} />
      )}
    </div>
  );
}

function Section({
  id,
  title,
  count,
  hint,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  hint?: string;
  empty: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card start-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="count-pill" title={t('start.count', { count })}>
          {count}
        </span>
      </div>
      {hint && <p className="muted small">{hint}</p>}
      {count === 0 ? <p className="empty-state">{empty}</p> : children}
    </section>
  );
}

function CommitmentName({ id, object, quote }: { id: number; object: string | null; quote: string }) {
  return (
    <Link to={`/commitments/${id}`} className="row-title start-title" title={object ? undefined : quote}>
      {object ?? quote}
    </Link>
  );
}

/** `3 / 12 个`: never a bare value, so a reader sees how far there is to go. */
function AchievedOfTarget({
  value,
  target,
  unit,
}: {
  value: number | null;
  target: number | null;
  unit: string | null;
}) {
  const { t, i18n } = useTranslation();
  if (target === null) return <>{t('common.none')}</>;
  return (
    <span className="nowrap">
      {formatNumber(value ?? 0, i18n.language)} / {formatNumber(target, i18n.language)} {unit ?? ''}
    </span>
  );
}

function DueDate({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="nowrap">
      {dueDate ? formatDate(dueDate, i18n.language) : t('start.noDueDate')}{' '}
      {overdue && <span className="badge status status-overdue">{t('start.overdue')}</span>}
    </span>
  );
}

type ClerkItem = ClerkData['dueThisMonth'][number];

function ClerkTable({ items, action }: { items: readonly ClerkItem[]; action: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('start.commitment')}</th>
            <th>{t('start.progress')}</th>
            <th>{t('start.status')}</th>
            <th>{t('start.lastReport')}</th>
            {action && <th aria-label={t('start.record')} />}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <CommitmentName id={c.id} object={c.object} quote={c.quote} />
              </td>
              <td>
                <AchievedOfTarget value={c.value} target={c.targetTotal} unit={c.unit} />
              </td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td className="nowrap">
                {c.lastReportedOn ? formatDate(c.lastReportedOn, i18n.language) : t('start.neverReported')}
              </td>
              {action && (
                <td className="nowrap">
                  <Link className="button button-small" to={`/commitments/${c.id}`}>
                    {t('start.record')}
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FollowUpList({
  items,
  withAgency,
}: {
  items: ClerkData['followUps'] | OfficeData['followUps'];
  withAgency: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="start-list">
      {items.map((f) => (
        <li key={f.id} className={f.overdue ? 'start-item start-item-overdue' : 'start-item'}>
          <div className="start-item-head">
            <DueDate dueDate={f.dueDate} overdue={f.overdue} />
            {withAgency && f.agency && <span className="tag">{f.agency}</span>}
          </div>
          <p className="start-item-text">{f.request}</p>
          <p className="small">
            <CommitmentName id={f.commitmentId} object={f.object} quote={f.quote} />
            {!withAgency && (
              <>
                {' · '}
                <Link to={`/commitments/${f.commitmentId}`}>{t('start.answer')}</Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ClerkStart({ data }: { data: ClerkData }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="start-grid">
      <Section
        id="start-due"
        title={t('start.clerk.due')}
        count={data.dueThisMonth.length}
        hint={t('start.clerk.dueHint')}
        empty={t('start.clerk.dueEmpty')}
      >
        <ClerkTable items={data.dueThisMonth} action />
      </Section>
      <Section
        id="start-follow-ups"
        title={t('start.clerk.followUps')}
        count={data.followUps.length}
        empty={t('start.clerk.followUpsEmpty')}
      >
        <FollowUpList items={data.followUps} withAgency={false} />
      </Section>
      <Section
        id="start-at-risk"
        title={t('start.clerk.atRisk')}
        count={data.atRisk.length}
        empty={t('start.clerk.atRiskEmpty')}
      >
        <ClerkTable items={data.atRisk} action={false} />
      </Section>
      <Section
        id="start-corrections"
        title={t('start.clerk.corrections')}
        count={data.corrections.length}
        hint={t('start.clerk.correctionsHint')}
        empty={t('start.clerk.correctionsEmpty')}
      >
        <ul className="start-list">
          {data.corrections.map((c) => (
            <li key={c.id} className="start-item">
              <div className="start-item-head">
                <CommitmentName id={c.commitmentId} object={c.object} quote={c.quote} />
                <span className="tag">{c.districtName ?? t('common.cityLevel')}</span>
              </div>
              <p className="small">
                {t('start.clerk.corrected', {
                  from: `${formatNumber(c.reportedValue, i18n.language)} ${c.unit ?? ''}`,
                  to: `${formatNumber(c.correctedValue, i18n.language)} ${c.unit ?? ''}`,
                })}
                {' · '}
                {c.correctedBy} · {formatDate(c.correctedAt, i18n.language)}
              </p>
              {c.reason && <p className="start-item-text">{c.reason}</p>}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

type Promise_ = DeputyData['suggestions'][number]['replies'][number]['promises'][number];

function PromiseCard({ promise }: { promise: Promise_ }) {
  const { t, i18n } = useTranslation();
  const standing = promise.timeline.filter((e) => !e.superseded && (e.evidenceText || e.evidenceUrl));
  return (
    <li className="start-item" data-testid={`promise-${promise.id}`}>
      <div className="start-item-head">
        <CommitmentName id={promise.id} object={promise.object} quote={promise.quote} />
        <StatusBadge status={promise.status} />
      </div>
      {promise.kind === 'quantified' && (
        <p className="small">
          <AchievedOfTarget value={promise.value} target={promise.targetTotal} unit={promise.unit} />
        </p>
      )}
      {promise.districts.length > 1 && (
        <ul className="district-chips">
          {promise.districts.map((d) => (
            <li key={d.districtName ?? 'city'} className="tag">
              {d.districtName ?? t('start.deputy.cityWide')}{' '}
              <AchievedOfTarget value={d.achieved} target={d.target} unit={promise.unit} />
            </li>
          ))}
        </ul>
      )}
      {standing.length > 0 && (
        <p className="small">
          <strong>{t('start.deputy.evidence')}:</strong>{' '}
          {standing.map((e, i) => (
            <span key={e.id}>
              {i > 0 && ';'}
              {e.evidenceUrl ? (
                <a href={e.evidenceUrl} rel="noreferrer noopener" target="_blank">
                  {e.evidenceText ?? e.evidenceUrl}
                </a>
              ) : (
                e.evidenceText
              )}
            </span>
          ))}
        </p>
      )}
      <details>
        <summary className="small">
          {t('start.deputy.timeline')} ({promise.timeline.length})
        </summary>
        {promise.timeline.length === 0 ? (
          <p className="muted small">{t('start.deputy.noProgress')}</p>
        ) : (
          <ol className="timeline small">
            {promise.timeline.map((e) => (
              <li key={e.id} className={e.superseded ? 'muted' : undefined}>
                {formatDate(e.asOf, i18n.language)} · {e.districtName ?? t('start.deputy.cityWide')} ·{' '}
                {formatNumber(e.value, i18n.language)} {promise.unit ?? ''}
                {e.superseded && ` (${t('start.deputy.superseded')})`}
                {e.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
              </li>
            ))}
          </ol>
        )}
      </details>
      <p className="small">
        <Link to={`/commitments/${promise.id}`}>{t('start.deputy.askFollowUp')}</Link>
      </p>
    </li>
  );
}

function DeputyStart({ data }: { data: DeputyData }) {
  const { t, i18n } = useTranslation();
  if (data.deputy === null) return <p className="empty-state">{t('start.deputy.noDeputy')}</p>;
  if (data.suggestions.length === 0) return <p className="empty-state">{t('start.deputy.empty')}</p>;
  return (
    <div className="start-grid start-grid-single">
      {data.suggestions.map((s) => (
        <section className="card start-section" key={s.id} aria-labelledby={`start-suggestion-${s.id}`}>
          <SuggestionHeading headingId={`start-suggestion-${s.id}`} suggestion={s} />
          {s.replies.length === 0 ? (
            <p className="empty-state">{t('start.deputy.noReply')}</p>
          ) : (
            s.replies.map((reply) => (
              <div key={reply.id} className="reply-block">
                <dl className="meta-grid">
                  <div>
                    <dt>{t('deputies.reply')}</dt>
                    <dd>
                      <ReplyLink reply={reply} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('start.agency')}</dt>
                    <dd>{reply.agency ?? t('common.none')}</dd>
                  </div>
                  <div>
                    <dt>{t('deputies.date')}</dt>
                    <dd>{formatDate(reply.letterDate, i18n.language)}</dd>
                  </div>
                  <div>
                    <dt>{t('start.deputy.grade')}</dt>
                    <dd>{reply.resultGrade ? t(`grade.${reply.resultGrade}`) : t('common.none')}</dd>
                  </div>
                  <div>
                    <dt>{t('start.deputy.myRating')}</dt>
                    <dd data-testid={`my-rating-${reply.id}`}>
                      {reply.satisfaction ? (
                        <span className={`badge satisfaction-${reply.satisfaction}`}>
                          {t(`satisfaction.levels.${reply.satisfaction}`)}
                        </span>
                      ) : (
                        <>
                          {t('start.deputy.notRated')} ·{' '}
                          <Link to={`/letters/${reply.id}`}>{t('start.deputy.rate')}</Link>
                        </>
                      )}
                    </dd>
                  </div>
                </dl>
                {reply.promises.length === 0 ? (
                  <p className="empty-state">{t('start.deputy.noPromises')}</p>
                ) : (
                  <ul className="start-list">
                    {reply.promises.map((p) => (
                      <PromiseCard key={p.id} promise={p} />
                    ))}
                  </ul>
                )}
              </div>
            ))
          )}
        </section>
      ))}
    </div>
  );
}

function OfficeStart({ data }: { data: OfficeData }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="start-grid">
      <Section
        id="start-review"
        title={t('start.office.review')}
        count={data.review.total}
        empty={t('start.office.reviewEmpty')}
      >
        <ul className="start-list">
          {data.review.items.map((item) => (
            <li key={item.id} className="start-item">
              <div className="start-item-head">
                <Link
                  to={`/review/letters/${item.letterId}`}
                  className="row-title start-title"
                  title={item.object ? undefined : item.quote}
                >
                  {item.object ?? item.quote}
                </Link>
                <span className="tag">
                  {item.confidence === null
                    ? t('start.office.noConfidence')
                    : t('start.office.confidence', { value: formatPercent(item.confidence, i18n.language) })}
                </span>
              </div>
              <p className="small muted">{item.agency ?? t('common.none')}</p>
            </li>
          ))}
        </ul>
        <p className="small">
          <Link to="/review">{t('start.office.reviewAll', { count: data.review.total })}</Link>
        </p>
      </Section>
      <Section
        id="start-follow-ups"
        title={t('start.office.followUps')}
        count={data.followUps.length}
        empty={t('start.office.followUpsEmpty')}
      >
        <FollowUpList items={data.followUps} withAgency />
      </Section>
      <Section
        id="start-silent"
        title={t('start.office.silent')}
        count={data.silentAgencies.length}
        hint={t('start.office.silentHint')}
        empty={t('start.office.silentEmpty')}
      >
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('start.agency')}</th>
                <th className="num">{t('start.office.open')}</th>
                <th>{t('start.lastReport')}</th>
              </tr>
            </thead>
            <tbody>
              {data.silentAgencies.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/agencies/${encodeURIComponent(a.name)}`}>{a.name}</Link>
                  </td>
                  <td className="num">{formatNumber(a.open, i18n.language)}</td>
                  <td className="nowrap">
                    {a.lastAsOf ? formatDate(a.lastAsOf, i18n.language) : t('start.neverReported')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section
        id="start-unsatisfied"
        title={t('start.office.unsatisfied')}
        count={data.unsatisfied.length}
        empty={t('start.office.unsatisfiedEmpty')}
      >
        <ul className="start-list">
          {data.unsatisfied.map((u) => (
            <li key={u.letterId} className="start-item">
              <div className="start-item-head">
                <Link to={`/letters/${u.letterId}`} className="row-title">
                  {u.suggestionRef ? `${u.suggestionRef} · ` : ''}
                  {u.title ?? u.letterId}
                </Link>
                <span className="badge satisfaction-unsatisfied">{t('satisfaction.levels.unsatisfied')}</span>
              </div>
              <p className="small muted">
                {u.agency ?? t('common.none')} · {u.deputyNames ?? ''} ·{' '}
                {t('start.office.ratedOn', { date: formatDate(u.ratedAt, i18n.language) })}
              </p>
              {u.comment && <p className="start-item-text">{u.comment}</p>}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
