// Loaded with --require: reports the process's peak resident set size (all threads) when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.RSS_FILE) writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS));
});
