/**
 * Paste or upload a reply letter; the server decodes, extracts and stores it. A letter entered
 * before is refused (CONFLICT) with a link to the stored one, named by `data.existingLetterId`.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IngestTextSchema, LETTER_FILE_MAX_BYTES } from '../../../shared/schemas/letters';
import { errorMessage } from '../../components/query-state';
import { fileToBase64 } from '../../lib/files';
import { useTRPC } from '../../lib/trpc';

type Mode = 'paste' | 'upload';

export function IngestPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  // the office's explicit override after the server refused the text as not a reply letter
  const [acceptUnusual, setAcceptUnusual] = useState(false);

  const ingestText = useMutation(trpc.letters.ingest.mutationOptions());
  const ingestFile = useMutation(trpc.letters.ingestFile.mutationOptions());
  const active = mode === 'paste' ? ingestText : ingestFile;
  const outcome = active.data;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    if (mode === 'paste') {
      const parsed = IngestTextSchema.safeParse({ text, acceptUnusual });
      if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? t('errors.generic'));
      ingestText.mutate(parsed.data);
      return;
    }
    if (!file) return;
    if (file.size > LETTER_FILE_MAX_BYTES) {
      return setLocalError(t('letters.ingest.fileTooLarge', { mb: LETTER_FILE_MAX_BYTES / 1024 / 1024 }));
    }
    ingestFile.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), acceptUnusual });
  }

  const error = localError ?? (active.error ? errorMessage(active.error, t('errors.generic')) : null);
  const existingLetterId = localError ? null : (active.error?.data?.existingLetterId ?? null);
  return (
    <section className="card ingest" aria-labelledby="ingest-title">
      <div className="card-header">
        <h2 id="ingest-title">{t('letters.ingest.title')}</h2>
        <div className="segmented" role="tablist">
          {(['paste', 'upload'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'active' : ''}
              onClick={() => setMode(m)}
            >
              {t(`letters.ingest.${m}`)}
            </button>
          ))}
        </div>
      </div>
      <form onSubmit={submit}>
        {mode === 'paste' ? (
          <label className="field">
            <span>{t('letters.ingest.textLabel')}</span>
            <textarea
              name="text"
              rows={6}
              value={text}
              placeholder={t('letters.ingest.textPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
        ) : (
          <label className="field">
            <span>{t('letters.ingest.fileLabel')}</span>
            <input
              type="file"
              name="file"
              accept=".txt,.html,.htm,text/plain,text/html"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            name="acceptUnusual"
            checked={acceptUnusual}
            onChange={(e) => setAcceptUnusual(e.target.checked)}
          />{' '}
          {t('letters.ingest.acceptUnusual')}
        </label>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={active.isPending || (mode === 'paste' ? !text.trim() : !file)}
          >
            {active.isPending ? t('letters.ingest.submitting') : t('letters.ingest.submit')}
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
              {existingLetterId !== null && (
                <>
                  {' '}
                  <Link to={`/letters/${existingLetterId}`}>{t('letters.ingest.openExisting')}</Link>
                </>
              )}
            </p>
          )}
          {outcome && !error && (
            <p className="form-success" role="status">
              {t('letters.ingest.created', {
                commitments: outcome.commitmentCount,
                milestones: outcome.milestoneCount,
              })}{' '}
              <Link to={`/letters/${outcome.letterId}`}>{t('letters.ingest.open')}</Link>
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
