import { ApiError, session as auth } from '../../api';

/** Fetches an agenda document with the token (a plain link would not send it) and opens or downloads it. */
export async function openDocument(path: string, download?: string): Promise<void> {
  const token = auth.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(`Document indisponible (HTTP ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  if (download) {
    const a = document.createElement('a');
    a.href = url;
    a.download = download;
    document.body.append(a);
    a.click();
    a.remove();
  } else window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
