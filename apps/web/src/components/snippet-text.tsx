import { type HighlightRange, snippetParts } from '~/lib/snippet';

/** Plain text with its highlight ranges wrapped in <mark>; the text is never parsed as HTML. */
export function SnippetText({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly HighlightRange[];
}) {
  let offset = 0;
  return (
    <>
      {snippetParts(text, highlights).map((part) => {
        const key = offset;
        offset += part.text.length;
        return part.marked ? (
          <mark key={key}>{part.text}</mark>
        ) : (
          <span key={key}>{part.text}</span>
        );
      })}
    </>
  );
}
