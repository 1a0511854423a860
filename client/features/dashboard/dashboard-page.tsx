import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentDistrictChart } from '../../components/commitment-district-chart';
import { DistrictLinks } from '../../components/entity-links';
import { OverviewFilterBar } from '../../components/overview-filter-bar';
import { LoadError, Loading } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { type OverviewFilters, useOverviewFilters } from '../../lib/overview-filters';
import { useTRPC } from '../../lib/trpc';
import { AgencyRanking } from './agency-ranking';
import { DistrictYearChart } from './district-year-chart';
import { HeadlineFigures } from './headline-figures';
import { KeptRateHeatmap } from './kept-rate-heatmap';
import { ProgressTrendChart } from './progress-trend-chart';
import { StatusCountList, StatusMixChart } from './status-mix-chart';

function OverviewCards() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.dashboard.overview.queryOptions());
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const cards = [
    ['letters', o.letters, '/letters'],
    ['commitments', o.commitments, '/commitments?kind=quantified'],
    ['milestones', o.milestones, '/commitments?kind=milestone'],
    ['targets', o.targets, null],
    ['progress', o.progressUpdates, null],
  ] as const;
  return (
    <>
      <div className="stat-grid">
        {cards.map(([key, value, to]) => (
          <div className="stat" key={key}>
            <div className="stat-value">
              {to ? (
                <Link to={to} className="figure-link" data-testid={`card-${key}`}>
                  {formatNumber(value, i18n.language)}
                </Link>
              ) : (
                formatNumber(value, i18n.language)
              )}
            </div>
            <div className="stat-label">
              {to ? <Link to={to}>{t(`dashboard.cards.${key}`)}</Link> : t(`dashboard.cards.${key}`)}
            </div>
          </div>
        ))}
      </div>
      {o.demoProgressUpdates > 0 && (
        <p className="notice notice-demo" role="note">
          <span className="badge badge-demo">{t('common.demo')}</span>
          {t('dashboard.demoNotice', { count: o.demoProgressUpdates })}
        </p>
      )}
    </>
  );
}

function DistrictYearSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.districtYears.queryOptions({}));
  return (
    <section className="card" aria-labelledby="district-year-title">
      <div className="card-header">
        <h2 id="district-year-title">{t('dashboard.districtYear')}</h2>
      </div>
      <p className="muted small">{t('dashboard.districtYearHint')}</p>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.cells.length === 0 ? (
        <p className="empty-state">{t('dashboard.noData')}</p>
      ) : (
        <>
          <DistrictYearChart data={summary.data} />
          <DistrictLinks names={summary.data.districts.map((d) => d.name)} />
        </>
      )}
    </section>
  );
}

function CommitmentSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const choices = useQuery(trpc.dashboard.allocatedCommitments.queryOptions());
  const [chosen, setChosen] = useState<number | null>(null);
  const selectedId = chosen ?? choices.data?.[0]?.id ?? null;
  const detail = useQuery({
    ...trpc.dashboard.commitmentDistricts.queryOptions({ id: selectedId ?? 0 }),
    enabled: selectedId !== null,
  });
  return (
    <section className="card" aria-labelledby="commitment-chart-title">
      <div className="card-header">
        <h2 id="commitment-chart-title">{t('dashboard.commitmentChart')}</h2>
        {choices.data && choices.data.length > 0 && (
          <label className="inline-field">
            <span>{t('dashboard.chooseCommitment')}</span>
            <select value={selectedId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
              {choices.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.object} ({c.per ? t(`per.${c.per}`) : t('common.cityLevel')})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {choices.isPending || (selectedId !== null && detail.isPending) ? (
        <Loading />
      ) : choices.isError ? (
        <LoadError error={choices.error} onRetry={() => void choices.refetch()} />
      ) : detail.isError ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !detail.data ? (
        <p className="empty-state">{t('dashboard.noData')}</p>
      ) : (
        <>
          <CommitmentDistrictChart rows={detail.data.rows} unit={detail.data.commitment.unit} />
          <p className="small">
            {t('dashboard.source')}: <q>{detail.data.commitment.quote}</q>{' '}
            <Link to={`/commitments/${detail.data.commitment.id}`}>{t('letter.openCommitment')} →</Link>
          </p>
        </>
      )}
    </section>
  );
}

function SummarySections({ filters }: { filters: OverviewFilters }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.summary.queryOptions(filters));
  const grid = useQuery(
    trpc.dashboard.keptRates.queryOptions({
      ...(filters.agency ? { agency: filters.agency } : {}),
      ...(filters.session ? { session: filters.session } : {}),
      ...(filters.deputy ? { deputy: filters.deputy } : {}),
    }),
  );
  return (
    <>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <HeadlineFigures summary={summary.data} filters={filters} />
      )}
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="status-mix-title">
          <div className="card-header">
            <h2 id="status-mix-title">{t('overview.statusTitle')}</h2>
          </div>
          <p className="muted small">{t('overview.statusHint')}</p>
          {summary.isPending ? (
            <Loading />
          ) : summary.isError ? null : summary.data.commitments.tracked === 0 ? (
            <p className="empty-state">{t('overview.statusEmpty')}</p>
          ) : (
            <>
              <StatusCountList counts={summary.data.commitments.statusCounts} filters={filters} />
              <StatusMixChart counts={summary.data.commitments.statusCounts} filters={filters} />
            </>
          )}
        </section>
        <section className="card" aria-labelledby="heatmap-title">
          <div className="card-header">
            <h2 id="heatmap-title">{t('overview.heatmapTitle')}</h2>
          </div>
          <p className="muted small">{t('overview.heatmapHint')}</p>
          {grid.isPending ? (
            <Loading />
          ) : grid.isError ? (
            <LoadError error={grid.error} onRetry={() => void grid.refetch()} />
          ) : grid.data.districts.length === 0 || grid.data.years.length === 0 ? (
            <p className="empty-state">{t('overview.heatmapEmpty')}</p>
          ) : (
            <>
              <KeptRateHeatmap grid={grid.data} highlightYear={filters.year} filters={filters} />
              {grid.data.cells.every((c) => c.due === 0) && (
                <p className="notice notice-info small">{t('overview.heatmapNothingDue')}</p>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}

function TrendSection({ filters }: { filters: OverviewFilters }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { year: _year, ...rest } = filters;
  const trend = useQuery(trpc.dashboard.trend.queryOptions(rest));
  return (
    <section className="card" aria-labelledby="trend-title">
      <div className="card-header">
        <h2 id="trend-title">{t('overview.trendTitle')}</h2>
      </div>
      <p className="muted small">{t('overview.trendHint')}</p>
      {trend.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data.points.every((p) => p.due === 0) ? (
        <p className="empty-state">{t('overview.trendEmpty')}</p>
      ) : (
        <ProgressTrendChart trend={trend.data} filters={rest} />
      )}
    </section>
  );
}

function RankingSection({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="ranking-title">
      <div className="card-header">
        <h2 id="ranking-title">{t('overview.rankingTitle')}</h2>
      </div>
      <AgencyRanking year={year} />
    </section>
  );
}

function ReportLink({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const choices = useQuery(trpc.dashboard.filterChoices.queryOptions());
  const target = year ?? choices.data?.years[0];
  if (target === undefined) return null;
  return (
    <Link className="button button-secondary" to={`/reports/${target}`}>
      {t('overview.reportLink', { year: target })}
    </Link>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { filters, setFilter, clear } = useOverviewFilters();
  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="muted">{t('dashboard.subtitle')}</p>
        </div>
        <ReportLink year={filters.year} />
      </header>
      <OverviewFilterBar filters={filters} onChange={setFilter} onClear={clear} />
      <SummarySections filters={filters} />
      <div className="dashboard-grid">
        <TrendSection filters={filters} />
        <RankingSection year={filters.year} />
      </div>
      <OverviewCards />
      <div className="dashboard-grid">
        <DistrictYearSection />
        <CommitmentSection />
      </div>
    </section>
  );
}
