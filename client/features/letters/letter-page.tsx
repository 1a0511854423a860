import { skipToken, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineText } from '../../components/commitment-cells';
import { AgencyLink, DeputyLinks } from '../../components/entity-links';
import { LetterText } from '../../components/letter-text';
import { LoadError, Loading } from '../../components/query-state';
import { RecordPage } from '../../components/record-page';
import { formatDate, formatTarget } from '../../lib/format';
import { useIdParam } from '../../lib/route-params';
import { useTRPC } from '../../lib/trpc';
import { SatisfactionPanel } from './satisfaction-panel';
import { SuggestionPanel } from './suggestion-panel';

export function LetterPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const id = useIdParam();
  const letter = useQuery(trpc.letters.byId.queryOptions(id === null ? skipToken : { id }));
  const [activeId, setActiveId] = useState<number | null>(null);

  if (id === null) return <LoadError error={new Error()} />;
  if (letter.isPending) return <Loading />;
  if (letter.isError) return <LoadError error={letter.error} onRetry={() => void letter.refetch()} />;
  const data = letter.data;

  const focus = (commitmentId: number) => {
    setActiveId(commitmentId);
    document
      .querySelector(`[data-commitment~="${commitmentId}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const spans = [...data.commitments, ...data.milestones].map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    tone: c.kind,
  }));
  const meta: [string, ReactNode][] = [
    [t('letter.meta.agency'), data.agency && <AgencyLink name={data.agency} />],
    [t('letter.meta.docNumber'), data.docNumber],
    [t('letter.meta.suggestionRef'), data.suggestionRef],
    [t('letter.meta.grade'), data.resultGrade ? t(`grade.${data.resultGrade}`) : null],
    [t('letter.meta.date'), data.letterDate ? formatDate(data.letterDate, i18n.language) : null],
    [t('letter.meta.deputy'), data.deputy && <DeputyLinks names={data.deputy} />],
    [t('letter.meta.contact'), [data.contactPerson, data.contactPhone].filter(Boolean).join(' ') || null],
    [t('letter.meta.cc'), data.cc.join('、') || null],
    [t('letter.meta.source'), data.sourceName],
  ];

  return (
    <RecordPage
      back="/letters"
      backLabel={t('letter.back')}
      title={data.title ?? data.sourceName ?? t('letters.untitled')}
      header={
        <dl className="meta-grid">
          {meta
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      }
    >
      <div className="letter-layout">
        <section className="card letter-card" aria-labelledby="letter-text-title">
          <div className="card-header">
            <h2 id="letter-text-title">{t('letter.text')}</h2>
          </div>
          <p className="muted small">{t('letter.textHint')}</p>
          <LetterText text={data.text} spans={spans} activeId={activeId} />
        </section>
        <aside className="letter-side">
          <section className="card" aria-labelledby="commitments-title">
            <h2 id="commitments-title">{t('letter.commitments', { count: data.commitments.length })}</h2>
            {data.commitments.length === 0 ? (
              <p className="empty-state">{t('letter.noCommitments')}</p>
            ) : (
              <ol className="commitment-list">
                {data.commitments.map((c) => (
                  <li key={c.id} className={activeId === c.id ? 'active' : ''}>
                    <button type="button" className="commitment-item" onClick={() => focus(c.id)}>
                      <span className="commitment-target">
                        {formatTarget(c.min, c.max, i18n.language)}
                        <small>{c.unit}</small>
                      </span>
                      <span className="commitment-object">{c.object}</span>
                      <span className="commitment-tags">
                        {c.per && <span className="tag">{t(`per.${c.per}`)}</span>}
                        <span className="tag">
                          <DeadlineText year={c.deadlineYear} />
                        </span>
                      </span>
                    </button>
                    <Link to={`/commitments/${c.id}`} className="small">
                      {t('letter.openCommitment')} →
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="card" aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t('letter.milestones', { count: data.milestones.length })}</h2>
            {data.milestones.length === 0 ? (
              <p className="empty-state">{t('letter.noMilestones')}</p>
            ) : (
              <ol className="commitment-list">
                {data.milestones.map((m) => (
                  <li key={m.id} className={activeId === m.id ? 'active' : ''}>
                    <button type="button" className="commitment-item" onClick={() => focus(m.id)}>
                      <span className="commitment-object">{m.quote}</span>
                      <span className="commitment-tags">
                        <span className="tag">
                          <DeadlineText year={m.deadlineYear} />
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <SatisfactionPanel letterId={data.id} />
          {data.suggestionId !== null && <SuggestionPanel suggestionId={data.suggestionId} />}
        </aside>
      </div>
    </RecordPage>
  );
}
