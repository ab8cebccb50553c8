import { describe, expect, it } from 'vitest';
import { connectLocal } from '../src/api/client.js';

/** Start-up reads the first frame's data from the in-process store: it must be what the API says. */

describe('the first frame’s data, read from the store', () => {
  it('is what article.list and article.export return', async () => {
    const connection = await connectLocal();
    const direct = await connection.firstFrame?.articles();
    const listed = await connection.client.article.list.query({ limit: 100 });
    expect(direct).toEqual(listed.items);
    const id = listed.items[0]?.id ?? '';
    expect(await connection.firstFrame?.document(id)).toEqual(
      await connection.client.article.export.query({ id }),
    );
  });
});
