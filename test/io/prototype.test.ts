// A __proto__ key in a file must be data (and then an error), never a change to Object.prototype.
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { loadAnswers } from '../../src/io/load.js';
import { parseYaml } from '../../src/io/yaml.js';
import { fixtures } from '../helpers.js';

describe('prototype pollution', () => {
  test.each(['proto-key.yaml', 'proto-council.yaml'])('%s is rejected and pollutes nothing', async (name) => {
    await expect(loadAnswers(join(fixtures, 'bad', name))).rejects.toBeInstanceOf(InputError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('parsing keeps __proto__ as an own key of a plain object', () => {
    const { data } = parseYaml('x.yaml', '__proto__: { polluted: 1 }\n');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
