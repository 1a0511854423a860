import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineText } from '../../components/commitment-cells';
import { CommitmentDistrictChart } from '../../components/commitment-district-chart';
import { DataTable } from '../../components/data-table';
import { AgencyLink, DistrictLink } from '../../components/entity-links';
import { ProjectionText } from '../../components/projection-text';
import { DemoBadge, LoadError, Loading } from '../../components/query-state';
import { RecordPage } from '../../components/record-page';
import { RoleGate } from '../../components/role-gate';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatNumber, formatTarget } from '../../lib/format';
import { useIdParam } from '../../lib/route-params';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../../lib/use-current-user';
import { FollowUpsPanel } from './follow-ups-panel';
import { MilestoneActions, OutcomeActions } from './outcome-actions';
import { ProgressForm } from './progress-form';
import { TargetSplit } from './target-split';

export function CommitmentPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const id = useIdParam();
  const input = id === null ? skipToken : { id };
  const commitment = useQuery(trpc.commitments.byId.queryOptions(input));
  const districts = useQuery(trpc.dashboard.commitmentDistricts.queryOptions(input));
  const { user } = useCurrentUser();
  const letterId = commitment.data?.letterId;
  // ownership, as the server checks it: a clerk reports only for letters its agency answers for
  const actions = useQuery(
    trpc.start.letterActions.queryOptions(user && letterId !== undefined ? { id: letterId } : skipToken),
  );
  const [correcting, setCorrecting] = useState<number | null>(null);

  if (id === null) return <LoadError error={new Error()} />;
  if (commitment.isPending) return <Loading />;
  if (commitment.isError)
    return <LoadError error={commitment.error} onRetry={() => void commitment.refetch()} />;
  const c = commitment.data;
  const lang = i18n.language;
  const canReport = hasRole(user, ['office', 'agency']) && actions.data?.mayReport === true;
  const isOffice = hasRole(user, ['office']);
  const correctingEntry = c.progress.find((p) => p.id === correcting);
  const tracked = c.reviewStatus === 'confirmed' && c.withdrawnAt === null;

  return (
    <RecordPage
      back={`/letters/${c.letterId}`}
      backLabel={t('commitment.back')}
      title={
        <>
          {c.object ?? c.quote}{' '}
          <span className="headline-target">
            {formatTarget(c.min, c.max, lang)} {c.unit}
          </span>
        </>
      }
      header={
        <>
          <div className="status-line">
            <StatusBadge status={c.status} />
            {c.value !== null && (
              <span>
                {t('progress.standing')}: <strong>{formatNumber(c.value, lang)}</strong>
                {c.targetTotal !== null && ` / ${formatNumber(c.targetTotal, lang)}`} {c.unit}
              </span>
            )}
            {c.expected !== null &&
              !['achieved', 'unverified', 'rejected', 'withdrawn'].includes(c.status) && (
                <span className="muted">
                  {t('progress.pace')}: {formatNumber(Math.round(c.expected * 10) / 10, lang)}
                </span>
              )}
            <ProjectionText projection={c.projection} />
            {c.reasonCode && (
              <span className="tag">
                {t(`reason.${c.reasonCode}`)}
                {c.reasonText ? `:${c.reasonText}` : ''}
              </span>
            )}
          </div>
          <blockquote className="quote">{c.quote}</blockquote>
          <dl className="meta-grid">
            <div>
              <dt>{t('commitment.per')}</dt>
              <dd>{c.per ? t(`per.${c.per}`) : t('commitment.wholeCity')}</dd>
            </div>
            <div>
              <dt>{t('commitment.deadline')}</dt>
              <dd>
                <DeadlineText year={c.deadlineYear} />
              </dd>
            </div>
            <div>
              <dt>{t('letter.meta.agency')}</dt>
              <dd>
                <AgencyLink name={c.agency} />
              </dd>
            </div>
            <div>
              <dt>{t('commitment.letter')}</dt>
              <dd>
                <Link to={`/letters/${c.letterId}`}>{c.letterTitle ?? `#${c.letterId}`}</Link>
              </dd>
            </div>
            {c.section && (
              <div>
                <dt>{t('letter.section')}</dt>
                <dd>{c.section}</dd>
              </div>
            )}
          </dl>
        </>
      }
    >
      <section className="card" aria-labelledby="by-district-title">
        <h2 id="by-district-title">{t('commitment.byDistrict')}</h2>
        {c.targets.length === 0 ? (
          <p className="empty-state">{t('commitment.noTargets')}</p>
        ) : districts.isPending ? (
          <Loading />
        ) : districts.isError ? (
          <LoadError error={districts.error} onRetry={() => void districts.refetch()} />
        ) : (
          <>
            <CommitmentDistrictChart rows={districts.data.rows} unit={c.unit} />
            <DataTable
              columns={[
                t('commitment.district'),
                { label: t('commitment.target'), num: true },
                { label: t('commitment.value'), num: true },
                t('commitment.asOf'),
              ]}
            >
              {districts.data.rows.map((row) => (
                <tr key={row.districtId ?? 'city'}>
                  <td>
                    <DistrictLink name={row.districtName} />
                  </td>
                  <td className="num">{formatTarget(row.targetMin, row.targetMax, lang)}</td>
                  <td className="num">
                    {row.value === null ? t('common.none') : formatNumber(row.value, lang)}
                  </td>
                  <td>{formatDate(row.asOf, lang)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      {tracked && c.kind === 'quantified' && (!user || canReport) && (
        <RoleGate roles={['office', 'agency']} signInHint={t('progress.title')}>
          <section className="card" aria-labelledby="record-title">
            <h2 id="record-title">{correctingEntry ? t('progress.correctTitle') : t('progress.title')}</h2>
            <ProgressForm
              key={correctingEntry?.id ?? 'new'}
              commitmentId={c.id}
              targets={c.targets}
              correcting={correctingEntry}
              onDone={() => setCorrecting(null)}
            />
          </section>
        </RoleGate>
      )}
      {tracked && c.kind === 'milestone' && canReport && (
        <section className="card">
          <h2>{t(`progress.milestoneState.${c.milestoneState}`)}</h2>
          <MilestoneActions
            key={c.version}
            commitmentId={c.id}
            version={c.version}
            state={c.milestoneState}
          />
        </section>
      )}
      {tracked &&
        isOffice &&
        c.kind === 'quantified' &&
        c.per === null &&
        c.min !== null &&
        c.districts.length > 0 && (
          <TargetSplit
            // keyed by version: after a reload the form starts over from the stored targets
            key={c.version}
            commitmentId={c.id}
            version={c.version}
            total={c.min}
            districts={c.districts}
            current={c.targets}
          />
        )}
      {tracked && c.status === 'overdue' && canReport && (
        <OutcomeActions key={c.version} commitmentId={c.id} version={c.version} mode="explain" />
      )}
      {tracked && isOffice && (
        <OutcomeActions key={c.version} commitmentId={c.id} version={c.version} mode="withdraw" />
      )}

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('commitment.history')}</h2>
        {c.progress.length === 0 ? (
          <p className="empty-state">{t('commitment.noHistory')}</p>
        ) : (
          <DataTable
            columns={[
              t('commitment.asOf'),
              t('commitment.district'),
              { label: t('commitment.value'), num: true },
              t('commitment.reporter'),
              t('commitment.evidence'),
              '',
            ]}
          >
            {c.progress.map((p) => (
              <tr key={p.id} className={p.supersededBy ? 'superseded' : ''}>
                <td className="nowrap">{formatDate(p.asOf, lang)}</td>
                <td>
                  <DistrictLink name={p.districtName} />
                </td>
                <td className="num">
                  {formatNumber(p.value, lang)}
                  {p.supersededBy && <div className="muted small">{t('progress.superseded')}</div>}
                </td>
                <td>{p.isDemo ? <DemoBadge /> : p.reporterName}</td>
                <td className="small">
                  {p.correctionReason && (
                    <div>{t('progress.correctionOf', { reason: p.correctionReason })}</div>
                  )}
                  {p.evidenceText ?? (p.correctionReason ? null : t('common.none'))}
                  {p.evidenceUrl && (
                    <div>
                      <a href={p.evidenceUrl} target="_blank" rel="noreferrer">
                        {p.evidenceUrl}
                      </a>
                    </div>
                  )}
                  {p.attachmentId && (
                    <div>
                      <a href={`/files/attachments/${p.attachmentId}`}>{t('progress.attachmentLink')}</a>
                    </div>
                  )}
                </td>
                <td>
                  {!p.supersededBy && canReport && (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => setCorrecting(p.id)}
                    >
                      {t('progress.correct')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <FollowUpsPanel
        commitmentId={c.id}
        followUps={c.followUps}
        canRequest={isOffice}
        canAnswer={canReport}
      />
    </RecordPage>
  );
}
