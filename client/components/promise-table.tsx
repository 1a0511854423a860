/** The promises of one reply and whether each was kept: the heart of the printed deputy view. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentStatus } from '../../shared/commitments';
import type { CompletionProjection } from '../../shared/completion-projection';
import { DeadlineText, TargetText, ValueText } from './commitment-cells';
import { DataTable } from './data-table';
import { ProjectionText } from './projection-text';
import { StatusBadge } from './status-badge';

export interface PromiseRow {
  id: number;
  kind: 'quantified' | 'milestone';
  quote: string;
  object: string | null;
  unit: string | null;
  min: number | null;
  max: number | null;
  deadlineYear: number | null;
  value: number | null;
  status: CommitmentStatus;
  projection?: CompletionProjection | null;
}

export function PromiseTable({
  promises,
  showProjection = false,
}: {
  promises: PromiseRow[];
  showProjection?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      columns={[
        t('deputies.target'),
        t('districts.deadline'),
        { label: t('deputies.value'), num: true },
        t('deputies.status'),
      ]}
    >
      {promises.map((p) => (
        <tr key={p.id}>
          <td>
            {p.kind === 'milestone' ? (
              <span>{p.quote}</span>
            ) : (
              <Link to={`/commitments/${p.id}`} className="row-title">
                <TargetText min={p.min} max={p.max} unit={p.unit} /> {p.object}
              </Link>
            )}
            {p.kind === 'quantified' && <div className="quote-cell">{p.quote}</div>}
          </td>
          <td className="nowrap">
            <DeadlineText year={p.deadlineYear} />
          </td>
          <td className="num">
            <ValueText value={p.value} unit={p.unit} />
          </td>
          <td>
            <StatusBadge status={p.status} />
            {showProjection && p.projection && (
              <div className="small">
                <ProjectionText projection={p.projection} />
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
