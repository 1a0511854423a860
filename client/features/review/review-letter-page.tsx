/** Reviewing one letter: its text with every extracted item highlighted, the item being reviewed beside it. */
import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LetterText } from '../../components/letter-text';
import { LoadError, Loading } from '../../components/query-state';
import { RecordPage } from '../../components/record-page';
import { formatTarget } from '../../lib/format';
import { useIdParam } from '../../lib/route-params';
import { selectionOffsets } from '../../lib/text-selection';
import { useTRPC } from '../../lib/trpc';
import { AddFromSelection } from './add-from-selection';
import { CommitmentEditor } from './commitment-editor';

export function ReviewLetterPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const id = useIdParam();
  const letter = useQuery(trpc.letters.byId.queryOptions(id === null ? skipToken : { id }));
  const [activeId, setActiveId] = useState<number | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const sideRef = useRef<HTMLElement>(null);
  // Mouse and keyboard (shift + arrows) selections both end up here.
  useEffect(() => {
    const onChange = () => {
      const offsets = textRef.current ? selectionOffsets(textRef.current) : null;
      if (offsets) setSelection(offsets);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  if (letter.isPending) return <Loading />;
  if (letter.isError) return <LoadError error={letter.error} onRetry={() => void letter.refetch()} />;
  const data = letter.data;
  const items = [...data.commitments, ...data.milestones].sort((a, b) => a.start - b.start);
  const active =
    items.find((i) => i.id === activeId) ?? items.find((i) => i.reviewStatus === 'unverified') ?? null;
  const spans = items.map((i) => ({
    id: i.id,
    start: i.start,
    end: i.end,
    tone: `review-${i.reviewStatus}`,
  }));

  return (
    <RecordPage
      back="/review"
      backLabel={`← ${t('review.title')}`}
      title={data.title ?? data.sourceName ?? t('letters.untitled')}
      subtitle={t('review.selectHint')}
      header={
        saved && (
          <p className="form-success" role="status">
            {t('review.saved')}
          </p>
        )
      }
    >
      <div className="letter-layout">
        <section className="card letter-card">
          <LetterText ref={textRef} text={data.text} spans={spans} activeId={active?.id ?? null} />
        </section>
        <aside className="letter-side" ref={sideRef}>
          {selection && (
            <AddFromSelection
              key={`${selection.start}-${selection.end}`}
              letterId={data.id}
              selection={selection}
              quote={data.text.slice(selection.start, selection.end)}
              onDone={() => setSelection(null)}
            />
          )}
          {active && (
            <section className="card">
              <h2>
                {active.kind === 'quantified'
                  ? `${formatTarget(active.min, active.max, i18n.language)} ${active.unit ?? ''} ${active.object ?? ''}`
                  : active.quote.slice(0, 30)}
              </h2>
              <CommitmentEditor
                // a new version (after a reload) starts the form over from what is stored
                key={`${active.id}-${active.version}`}
                item={active}
                selection={selection}
                letterText={data.text}
                onSaved={() => {
                  setSaved(true);
                  setActiveId(null);
                }}
              />
            </section>
          )}
          <section className="card">
            <h2>{t('review.items')}</h2>
            <ol className="commitment-list">
              {items.map((item) => (
                <li key={item.id} className={active?.id === item.id ? 'active' : ''}>
                  <button
                    type="button"
                    className="commitment-item"
                    onClick={() => {
                      setActiveId(item.id);
                      setSaved(false);
                      sideRef.current?.scrollTo({ top: 0, behavior: 'smooth' });
                      document
                        .querySelector(`[data-commitment~="${item.id}"]`)
                        ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
                    }}
                  >
                    <span className="commitment-object">
                      {item.kind === 'quantified'
                        ? `${formatTarget(item.min, item.max, i18n.language)}${item.unit ?? ''} ${item.object ?? ''}`
                        : item.quote.slice(0, 40)}
                    </span>
                    <span className={`badge review-badge review-${item.reviewStatus}`}>
                      {t(`review.reviewStatus.${item.reviewStatus}`)}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </RecordPage>
  );
}
