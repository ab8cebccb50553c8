import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldError } from '~/components/review/editor-form';
import { entityIdFor } from '~/components/review/entity-picker';
import type { ReviewDocument } from '~/components/review/review-queue';

afterEach(cleanup);

describe('<FieldError>', () => {
  const issues = [
    { path: 'record.name', message: 'Too small: expected string to have >=1 characters' },
    { path: 'claims[1].speakerId', message: 'no entity with id "nobody"' },
    { path: 'record.channel.kind', message: 'Invalid option' },
    { path: 'entities/priya-nair-2.name', message: 'a split entity needs a name' },
  ];

  it('shows the API message about its own field, whatever record or document path names it', () => {
    render(
      <>
        <FieldError issues={issues} field="speakerId" id="speaker" />
        <FieldError issues={issues.slice(3)} field="name" id="split" />
      </>,
    );
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'no entity with id "nobody"',
      'a split entity needs a name',
    ]);
  });

  it('keeps a nested field apart from a top-level one of the same name', () => {
    render(<FieldError issues={issues} field="kind" />);
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    render(<FieldError issues={issues} field="channel.kind" />);
    expect(screen.getByRole('alert').textContent).toBe('Invalid option');
  });
});

describe('entityIdFor', () => {
  const document = {
    entities: [{ id: 'millbrook-harbour-council' }, { id: 'millbrook-harbour-council-2' }],
  } as unknown as ReviewDocument;

  it('makes a schema-valid id from the name, unused in the draft', () => {
    expect(entityIdFor(document, 'Priya Nair')).toBe('priya-nair');
    expect(entityIdFor(document, 'Millbrook Harbour Council')).toBe('millbrook-harbour-council-3');
    expect(entityIdFor(document, '  ')).toBe('entity');
  });
});
