// The accessible prompter fed as a person types: each line is typed only once a prompt is waiting for
// it (the output ends without a line break), in a later turn of the event loop, never ahead of time.
import { PassThrough } from 'node:stream';
import { accessiblePrompter } from '../../src/interview/accessible.js';
import type { Style } from '../../src/render/style.js';

export function typing(lines: readonly string[], options: { end?: boolean; style?: Style; signal?: AbortSignal; width?: number } = {}) {
  const input = new PassThrough();
  const left = [...lines];
  let written = '';
  let pending = false;
  const feed = () => {
    pending = false;
    if (!written.endsWith(' ') || written.endsWith('\n')) return;
    if (left.length > 0) input.write(`${left.shift()}\n`);
    else if (options.end !== false) input.end();
  };
  const prompter = accessiblePrompter({
    input,
    write: (t) => {
      written += t;
      if (!pending) {
        pending = true;
        setTimeout(feed, 1);
      }
    },
    ...(options.style && { style: options.style }),
    ...(options.signal && { signal: options.signal }),
    ...(options.width && { width: options.width }),
  });
  return { prompter, input, output: () => written, left: () => left.length };
}
