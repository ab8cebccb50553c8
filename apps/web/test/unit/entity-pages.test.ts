import { describe, expect, it } from 'vitest';
import {
  arrivalAnchors,
  ENTITY_PAGE_SIZE,
  entityLimits,
  parseEntityShown,
  showMoreHref,
} from '~/lib/entity-pages';

describe('the entity page’s paging', () => {
  it('shows one page of each list unless the query string asks for more', () => {
    expect(parseEntityShown({})).toEqual(ENTITY_PAGE_SIZE);
    expect(parseEntityShown({ claims: '80', about: ['120', '40'] })).toMatchObject({
      claims: 80,
      about: 120,
      mentions: 40,
    });
  });

  it('ignores unreadable counts and keeps within one page and the API’s 1,000', () => {
    expect(parseEntityShown({ claims: 'many', about: '-3', mentions: '2.5' })).toEqual(
      ENTITY_PAGE_SIZE,
    );
    expect(parseEntityShown({ claims: '5', relations: '99999' })).toMatchObject({
      claims: 40,
      relations: 1000,
    });
  });

  it('asks entity.get for enough claims for both claim lists', () => {
    expect(entityLimits(parseEntityShown({ about: '80' }))).toEqual({
      mentionsLimit: 40,
      claimsLimit: 80,
      relationsLimit: 20,
    });
  });

  it('links to one more page of a list, keeping the others, landing on the first new record', () => {
    const first = parseEntityShown({});
    expect(showMoreHref(first, 'claims')).toBe('?claims=80#claims-41');
    const later = parseEntityShown({ claims: '80' });
    expect(showMoreHref(later, 'about')).toBe('?claims=80&about=80#about-41');
    expect(showMoreHref(later, 'relations', 'relations')).toBe('?claims=80&relations=40#relations');
    expect(showMoreHref(parseEntityShown({ mentions: '990' }), 'mentions')).toBe(
      '?mentions=1000#mentions-991',
    );
  });

  it('knows which record a link landed on, to focus it', () => {
    const { href } = new URL(showMoreHref(parseEntityShown({}), 'claims'), 'http://x/');
    const arrived = parseEntityShown(Object.fromEntries(new URL(href).searchParams));
    expect(arrivalAnchors(arrived)).toContain(new URL(href).hash.slice(1));
  });
});
