/**
 * District × year heat map of the kept rate, as a plain table coloured by CSS: readable by screen
 * readers, prints well, and every cell carries its fraction so the colour is never the only signal.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRate } from '../../lib/format';
import { commitmentsHref } from '../../lib/list-links';
import type { OverviewFilters } from '../../lib/overview-filters';
import type { RouterOutputs } from '../../lib/trpc';

type Grid = RouterOutputs['dashboard']['keptRates'];

/** From pale red (nothing kept) through pale amber to deep green (all kept). */
export function heatColor(rate: number): string {
  const hue = 4 + rate * 136;
  const lightness = 92 - rate * 30;
  return `hsl(${hue.toFixed(0)} 45% ${lightness.toFixed(0)}%)`;
}

/**
 * A cell with anything due opens the list of those district targets (the kept ones are marked
 * 已完成 there). The heat map shows every district and year, so only the agency, session and
 * deputy filters carry over.
 */
export function KeptRateHeatmap({
  grid,
  highlightYear,
  filters,
}: {
  grid: Grid;
  highlightYear?: number | undefined;
  filters: OverviewFilters;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cellOf = (districtId: number, year: number) =>
    grid.cells.find((c) => c.districtId === districtId && c.year === year);
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" data-testid="kept-rate-heatmap">
        <caption className="visually-hidden">{t('overview.heatmapTitle')}</caption>
        <thead>
          <tr>
            <td className="heatmap-corner" />
            {grid.years.map((year) => (
              <th
                key={year}
                scope="col"
                className={`heatmap-year${year === highlightYear ? ' heatmap-current' : ''}`}
              >
                {t('dashboard.year', { year })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.districts.map((district) => (
            <tr key={district.id}>
              <th scope="row" className="heatmap-district">
                {district.name}
              </th>
              {grid.years.map((year) => {
                const cell = cellOf(district.id, year);
                const rate = cell?.keptRate ?? null;
                return (
                  <td
                    key={year}
                    className={`heatmap-cell${rate === null ? ' heatmap-empty' : ''}${year === highlightYear ? ' heatmap-current' : ''}`}
                    style={rate === null ? undefined : { background: heatColor(rate) }}
                    title={`${district.name} ${year}: ${cell?.kept ?? 0}/${cell?.due ?? 0}`}
                  >
                    {rate === null ? (
                      <span className="heatmap-rate">{t('overview.noneDue')}</span>
                    ) : (
                      <Link
                        className="heatmap-link"
                        to={commitmentsHref(
                          { agency: filters.agency, session: filters.session, deputy: filters.deputy },
                          { year, district: district.name, outcome: 'due' },
                        )}
                        aria-label={t('overview.heatmapCellLink', {
                          district: district.name,
                          year,
                          kept: cell?.kept ?? 0,
                          due: cell?.due ?? 0,
                        })}
                      >
                        <span className="heatmap-rate">{formatRate(rate, lang)}</span>
                        <span className="heatmap-fraction">
                          {cell?.kept}/{cell?.due}
                        </span>
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap-legend" aria-hidden="true">
        <span>{t('overview.legendLow')}</span>
        {[0, 0.25, 0.5, 0.75, 1].map((r) => (
          <span key={r} className="heatmap-swatch" style={{ background: heatColor(r) }} />
        ))}
        <span>{t('overview.legendHigh')}</span>
      </div>
    </div>
  );
}
