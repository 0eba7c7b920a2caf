// Preloaded with --import: reports the process's peak RSS (KiB) on exit, to the file BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs'
process.on('exit', () => appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`))
