/** The job summary as GitHub renders it (GitHub-flavoured Markdown), as a page a person can open. */
import { marked } from 'marked'

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false })
}

/** `fonts`: the font families to draw with, first to last (the screenshots name theirs, so they come out the same). */
export function renderHtmlPage(markdown: string, options: { fonts?: string[] } = {}): string {
  const family = options.fonts ? options.fonts.map((f) => `"${f}"`).join(', ') : '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>HSS scan gate: job summary</title>
<style>
body { font: 14px/1.5 ${family}; max-width: 980px; margin: 2rem auto; color: #1f2328; }
table { border-collapse: collapse; margin: 0 0 1rem; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; } blockquote { color: #59636e; border-left: .25em solid #d1d9e0; margin: 0; padding: 0 1em; }
code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; }
</style></head><body>
${renderMarkdown(markdown)}
</body></html>
`
}
