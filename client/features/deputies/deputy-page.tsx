/**
 * /deputies/:name — 代表视角: each suggestion, the replies, and whether every promise was kept.
 * Made to be printed (views.css hides the chrome on paper and keeps tables whole).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DemoProgressNotice } from '../../components/demo-progress-notice';
import { PromiseTable } from '../../components/promise-table';
import { LoadError, Loading } from '../../components/query-state';
import { RecordPage } from '../../components/record-page';
import { COUNTED_STATUSES } from '../../components/status-colors';
import { StatusCounts } from '../../components/status-counts';
import { ReplyLink, SuggestionHeading } from '../../components/suggestion-heading';
import { todayIso } from '../../lib/clock';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../components/views.css';

export function DeputyPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const name = useParams().name ?? '';
  const view = useQuery(trpc.deputies.byName.queryOptions({ name }));
  const today = todayIso();

  return (
    <RecordPage
      back="/deputies"
      backLabel={t('deputies.back')}
      title={t('deputies.heading', { name })}
      actions={
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('deputies.print')}
        </button>
      }
      subtitle={t('deputies.pageSubtitle')}
      header={
        <p className="print-only small">
          {t('deputies.printedOn', { date: formatDate(today, i18n.language) })}
        </p>
      }
    >
      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      ) : view.data.suggestions.length === 0 ? (
        <p className="empty-state">{t('deputies.noSuggestions')}</p>
      ) : (
        <>
          <DemoProgressNotice />
          <StatusCounts counts={view.data.counts} />
          <p className="small">
            {t('deputies.summary', {
              suggestions: view.data.suggestions.length,
              promises: COUNTED_STATUSES.reduce((sum, status) => sum + view.data.counts[status], 0),
              achieved: view.data.counts.achieved,
              overdue: view.data.counts.overdue,
            })}
          </p>
          {view.data.suggestions.map((s) => (
            <section className="card suggestion-block" key={s.id} aria-labelledby={`suggestion-${s.id}`}>
              <SuggestionHeading headingId={`suggestion-${s.id}`} suggestion={s} />
              {s.replies.length === 0 ? (
                <p className="empty-state">{t('deputies.noReply')}</p>
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
                        <dt>{t('deputies.agency')}</dt>
                        <dd>
                          {reply.agency ? (
                            <Link to={`/agencies/${encodeURIComponent(reply.agency)}`}>{reply.agency}</Link>
                          ) : (
                            t('common.none')
                          )}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('deputies.date')}</dt>
                        <dd>{formatDate(reply.letterDate, i18n.language)}</dd>
                      </div>
                      <div>
                        <dt>{t('deputies.grade')}</dt>
                        <dd>{reply.resultGrade ? t(`grade.${reply.resultGrade}`) : t('common.none')}</dd>
                      </div>
                      <div>
                        <dt>{t('deputies.satisfaction')}</dt>
                        <dd>
                          {reply.satisfaction
                            ? t(`satisfaction.levels.${reply.satisfaction}`)
                            : t('deputies.notRated')}
                        </dd>
                      </div>
                    </dl>
                    <h3 className="small muted">{t('deputies.promises')}</h3>
                    {reply.promises.length === 0 ? (
                      <p className="empty-state">{t('deputies.noPromises')}</p>
                    ) : (
                      <PromiseTable promises={reply.promises} />
                    )}
                  </div>
                ))
              )}
            </section>
          ))}
        </>
      )}
    </RecordPage>
  );
}
