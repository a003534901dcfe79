/** A progress bar on stderr, only for a person watching (a terminal) and only for runs long enough to need one. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const active = stream.isTTY === true && total > 50;
  let done = 0;
  let lastDrawn = -1;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} files`);
  };
  return {
    tick(n = 1) {
      done += n;
      const percent = Math.floor((done / total) * 100);
      if (active && percent !== lastDrawn) {
        lastDrawn = percent;
        draw();
      }
    },
    done() {
      if (active) stream.write('\r\u001b[2K');
    },
  };
}
