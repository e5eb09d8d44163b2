import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { debounceFor } from '../../../server/src/lsp/handlers';

test('adaptive debounce: at once after a fast analysis, longer after a slow one, within bounds', () => {
  assert.equal(debounceFor(undefined), 0, 'a document never analysed is validated at once');
  assert.equal(debounceFor(3), 0);
  assert.equal(debounceFor(60), 0, 'an analysis faster than the wait is started at once');
  assert.equal(debounceFor(149), 0);
  assert.equal(debounceFor(150), 150);
  assert.equal(debounceFor(320), 320);
  assert.equal(debounceFor(5_000), 500);
});
