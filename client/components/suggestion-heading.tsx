/**
 * A deputy's suggestion as its card opens: reference and title, and whether the deputy leads it,
 * the same on the deputy's view and the deputy's start page. Its replies link by document number.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SuggestionHeading({
  headingId,
  suggestion,
}: {
  headingId: string;
  suggestion: { ref: string | null; title: string | null; lead: boolean };
}) {
  const { t } = useTranslation();
  return (
    <div className="card-header">
      <h2 id={headingId}>
        {suggestion.ref ? `${t('deputies.ref')} ${suggestion.ref} · ` : ''}
        {suggestion.title ?? t('letters.untitled')}
      </h2>
      <span className="tag">{suggestion.lead ? t('deputies.lead') : t('deputies.co')}</span>
    </div>
  );
}

export function ReplyLink({
  reply,
}: {
  reply: { id: number; docNumber: string | null; title: string | null };
}) {
  return <Link to={`/letters/${reply.id}`}>{reply.docNumber ?? reply.title ?? reply.id}</Link>;
}
