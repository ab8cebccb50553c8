import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SnippetText } from '~/components/snippet-text';
import { snippetParts } from '~/lib/snippet';

afterEach(cleanup);

describe('snippetParts', () => {
  it('splits text at highlight ranges', () => {
    expect(snippetParts('the Nusra Front said', [{ start: 4, end: 9 }])).toEqual([
      { text: 'the ', marked: false },
      { text: 'Nusra', marked: true },
      { text: ' Front said', marked: false },
    ]);
  });

  it('merges overlapping and touching ranges, sorts them, and clips out-of-range ones', () => {
    expect(
      snippetParts('abcdefghij', [
        { start: 6, end: 8 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 9, end: 40 },
        { start: 5, end: 5 },
      ]),
    ).toEqual([
      { text: 'abcd', marked: true },
      { text: 'ef', marked: false },
      { text: 'gh', marked: true },
      { text: 'i', marked: false },
      { text: 'j', marked: true },
    ]);
  });
});

describe('<SnippetText>', () => {
  it('wraps each highlight in <mark>', () => {
    const { container } = render(
      <SnippetText
        text="al Qaeda and the Islamic State"
        highlights={[
          { start: 3, end: 8 },
          { start: 17, end: 24 },
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Qaeda',
      'Islamic',
    ]);
    expect(container.textContent).toBe('al Qaeda and the Islamic State');
  });

  it('shows markup in the text as text, never as HTML', () => {
    const { container } = render(
      <SnippetText
        text={'<img src=x onerror="alert(1)"> bold'}
        highlights={[{ start: 0, end: 4 }]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"> bold');
    expect(container.querySelector('mark')?.textContent).toBe('<img');
  });
});
