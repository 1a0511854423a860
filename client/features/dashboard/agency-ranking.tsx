/**
 * Agencies ranked by kept rate for a year — the annual report's per-agency rows — drawn as
 * horizontal bars in HTML, so long agency names wrap on a phone and every bar is a link the
 * keyboard reaches. Ten at a time: the best or the worst, or all of them.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { formatRate } from '../../lib/format';
import { commitmentsHref } from '../../lib/list-links';
import { useTRPC } from '../../lib/trpc';

const SHOWN = 10;

/** From red (nothing kept) through amber to green (all kept), dark enough for a bar on white. */
function rankColor(rate: number): string {
  return `hsl(${(4 + rate * 136).toFixed(0)} 48% 42%)`;
}
type Mode = 'top' | 'bottom' | 'all';

export function AgencyRanking({ year }: { year: number | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const ranking = useQuery(trpc.dashboard.agencyRanking.queryOptions(year === undefined ? {} : { year }));
  const [mode, setMode] = useState<Mode>('top');
  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const { rows, year: shownYear } = ranking.data;
  if (rows.length === 0)
    return <p className="empty-state">{t('overview.rankingEmpty', { year: shownYear })}</p>;
  const ranked = rows.map((row, index) => ({ row, rank: index + 1 }));
  const shown =
    mode === 'all' || ranked.length <= SHOWN
      ? ranked
      : mode === 'top'
        ? ranked.slice(0, SHOWN)
        : ranked.slice(-SHOWN).reverse();
  return (
    <>
      <div className="ranking-toolbar">
        <p className="muted small">{t('overview.rankingHint', { year: shownYear })}</p>
        {ranked.length > SHOWN && (
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('overview.rankingShow')}</legend>
            {(['top', 'bottom', 'all'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={mode === m ? 'active' : ''}
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
              >
                {t(`overview.ranking.${m}`, { count: SHOWN })}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <ol className="ranking" data-testid="agency-ranking">
        {shown.map(({ row, rank }) => {
          const rate = row.keptRate ?? 0;
          const filters = { year: shownYear, ...(row.name ? { agency: row.name } : {}) };
          return (
            <li key={row.name ?? ''} className="ranking-row">
              <span className="ranking-rank">{rank}</span>
              <span className="ranking-name">
                {row.name ? (
                  <Link to={`/agencies/${encodeURIComponent(row.name)}`}>{row.name}</Link>
                ) : (
                  t('report.unknownAgency')
                )}
              </span>
              <span className="ranking-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(rate * 100, 1)}%`, background: rankColor(rate) }} />
              </span>
              <span className="ranking-figures">
                <strong>{formatRate(row.keptRate, lang)}</strong>{' '}
                {row.name ? (
                  <span className="muted small">
                    <Link to={commitmentsHref(filters, { outcome: 'kept' })}>{row.kept}</Link>/
                    <Link to={commitmentsHref(filters, { outcome: 'due' })}>{row.due}</Link>
                  </span>
                ) : (
                  <span className="muted small">
                    {row.kept}/{row.due}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
