'use client';

import { useRouter } from 'next/navigation';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { messageOf, reviewApi } from './review-api';

/** The extractor's limit (MAX_EXTRACT_CHARACTERS), shown before anything is sent. */
export const MAX_ARTICLE_CHARACTERS = 1_000_000;

/** Paste text or upload a .txt/.html file, correct the metadata, and get a draft to review. */
export function NewArticleForm() {
  const router = useRouter();
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<'text' | 'html'>('text');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    if (text.length > MAX_ARTICLE_CHARACTERS) {
      setError(
        `${file.name} has ${text.length.toLocaleString('en')} characters; the limit is ${MAX_ARTICLE_CHARACTERS.toLocaleString('en')}`,
      );
      return;
    }
    setError(null);
    setFormat(/\.html?$/i.test(file.name) ? 'html' : 'text');
    setContent(text);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const headline = field('headline');
    const published = field('published');
    const sourceUrl = field('sourceUrl');
    setBusy(true);
    setError(null);
    try {
      const draft = await reviewApi.draft.create.mutate({
        format,
        content,
        ...(sourceUrl && format === 'html' ? { url: sourceUrl } : {}),
        metadata: {
          ...(headline ? { headline } : {}),
          ...(published ? { published } : {}),
          ...(sourceUrl ? { sourceUrl } : {}),
        },
      });
      router.push(`/review/${draft.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };
  return (
    <form className="review-form" onSubmit={submit} aria-busy={busy}>
      <label>
        Article text (the first line is the headline; paragraphs separated by blank lines)
        <textarea
          name="content"
          rows={14}
          value={content}
          maxLength={MAX_ARTICLE_CHARACTERS}
          onChange={(event) => {
            setContent(event.target.value);
            setFormat('text');
          }}
          required
        />
      </label>
      <label>
        Or upload a .txt or .html file (up to {MAX_ARTICLE_CHARACTERS.toLocaleString('en')}{' '}
        characters)
        <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={readFile} />
      </label>
      <fieldset>
        <legend>Metadata (leave empty to keep what the extractor finds)</legend>
        <label>
          Headline
          <input type="text" name="headline" />
        </label>
        <label>
          Publication date
          <input type="date" name="published" />
        </label>
        <label>
          Source URL
          <input type="url" name="sourceUrl" />
        </label>
      </fieldset>
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {busy ? 'Extracting the draft annotation…' : ''}
      </p>
      <button type="submit" className="button--primary" disabled={busy || content.trim() === ''}>
        {busy ? 'Extracting…' : 'Extract and review'}
      </button>
    </form>
  );
}
