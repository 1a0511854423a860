/**
 * The record id in a path (/letters/:id, /commitments/:id), read with the shared schema of the
 * procedure it is sent to; null when the path cannot name a record (/letters/abc), so the page says
 * so instead of asking the server.
 */
import { useParams } from 'react-router';
import { LetterIdSchema } from '../../shared/schemas/letters';

export function useIdParam(): number | null {
  const raw = useParams().id ?? '';
  const parsed = LetterIdSchema.shape.id.safeParse(/^\d{1,15}$/.test(raw) ? Number(raw) : raw);
  return parsed.success ? parsed.data : null;
}
