import { colourLevel } from '../../src/cli/colour.js';

const level = (flag: boolean, env: NodeJS.ProcessEnv, isTTY: boolean) => colourLevel({ flag, env, isTTY, detected: 2 });

describe('colour decision', () => {
  test('a terminal gets colour; a pipe or file does not', () => {
    expect(level(true, {}, true)).toBe(2);
    expect(level(true, {}, false)).toBe(0);
  });
  test('NO_COLOR (any non-empty value) turns it off, even on a terminal', () => {
    expect(level(true, { NO_COLOR: '1' }, true)).toBe(0);
    expect(level(true, { NO_COLOR: '' }, true)).toBe(2);
  });
  test('FORCE_COLOR turns it on without a terminal and beats NO_COLOR; 0 or false turns it off', () => {
    expect(level(true, { FORCE_COLOR: '1' }, false)).toBe(1);
    expect(level(true, { FORCE_COLOR: '3' }, false)).toBe(3);
    expect(level(true, { FORCE_COLOR: '' }, false)).toBe(2);
    expect(level(true, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(1);
    expect(level(true, { FORCE_COLOR: '0' }, true)).toBe(0);
    expect(level(true, { FORCE_COLOR: 'false' }, true)).toBe(0);
  });
  test('--no-color beats everything', () => {
    expect(level(false, { FORCE_COLOR: '3' }, true)).toBe(0);
  });
});
