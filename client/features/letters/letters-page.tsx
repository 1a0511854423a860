import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgencyLink } from '../../components/entity-links';
import { LoadError, Loading } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { RoleGate } from '../auth/role-gate';
import { IngestPanel } from './ingest-panel';

export function LettersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const letters = useQuery(trpc.letters.list.queryOptions());
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('letters.title')}</h1>
        <p className="muted">{t('letters.subtitle')}</p>
      </header>
      <RoleGate
        roles={['office']}
        signInHint={t('letters.ingest.signInHint')}
        otherRoleHint={t('letters.ingest.officeOnly')}
      >
        <IngestPanel />
      </RoleGate>
      <section className="card">
        {letters.isPending ? (
          <Loading />
        ) : letters.isError ? (
          <LoadError error={letters.error} onRetry={() => void letters.refetch()} />
        ) : letters.data.length === 0 ? (
          <p className="empty-state">{t('letters.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('letters.columns.title')}</th>
                  <th>{t('letters.columns.agency')}</th>
                  <th>{t('letters.columns.date')}</th>
                  <th>{t('letters.columns.grade')}</th>
                  <th className="num">{t('letters.columns.commitments')}</th>
                  <th className="num">{t('letters.columns.milestones')}</th>
                </tr>
              </thead>
              <tbody>
                {letters.data.map((letter) => (
                  <tr key={letter.id}>
                    <td>
                      <Link to={`/letters/${letter.id}`} className="row-title">
                        {letter.title ?? letter.sourceName ?? t('letters.untitled')}
                      </Link>
                      {letter.suggestionRef && <div className="muted small">{letter.suggestionRef}</div>}
                    </td>
                    <td>
                      <AgencyLink name={letter.agency} />
                    </td>
                    <td className="nowrap">{formatDate(letter.letterDate, i18n.language)}</td>
                    <td>
                      {letter.resultGrade ? (
                        <span
                          className={`grade grade-${letter.resultGrade}`}
                          title={t(`grade.${letter.resultGrade}`)}
                        >
                          {letter.resultGrade}
                        </span>
                      ) : (
                        t('common.none')
                      )}
                    </td>
                    <td className="num">{letter.commitments}</td>
                    <td className="num">{letter.milestones}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
