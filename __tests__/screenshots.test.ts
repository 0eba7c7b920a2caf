/**
 * `npm run screenshots` is reproducible: the pages it draws are the same, byte for byte, from one run
 * to the next (scripted tasks and times, the fonts named); and, where Chromium and those fonts are
 * installed, so are the pictures.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { FONTS, missingDependencies, screenshotPages } from '../scripts/screenshots.ts'
import { ROOT } from '../simulator/run-action.ts'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

function fontsInstalled(): boolean {
  try {
    const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
    return FONTS.every((font) => installed.includes(font.family))
  } catch {
    return false
  }
}

describe('npm run screenshots', () => {
  it('draws the same pages twice, naming the fonts it draws with', async () => {
    const [first, second] = [await screenshotPages(), await screenshotPages()]
    expect(first.map((p) => p.name)).toEqual(['pass', 'fail', 'timed-out'])
    expect(second.map((p) => p.html)).toEqual(first.map((p) => p.html))
    for (const page of first) expect(page.html).toContain('"DejaVu Sans", "Noto Color Emoji"')
    expect(first[1]?.markdown).toContain('[`Dockerfile:11`]')
  }, 120_000)

  // Pictures need Chromium and the fonts (not on CI machines, which have only Node): then the page
  // test above is what keeps them reproducible.
  const canDraw = existsSync(CHROMIUM) && fontsInstalled()
  ;(canDraw ? it : it.skip)('draws the same picture twice (Chromium and the fonts are installed here)', async () => {
    const [page] = await screenshotPages()
    const dir = mkdtempSync(join(tmpdir(), 'shot-'))
    writeFileSync(join(dir, 'page.html'), page?.html ?? '')
    const shot = (n: number) => {
      const png = join(dir, `${n}.png`)
      execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--force-device-scale-factor=1', '--font-render-hinting=none', `--user-data-dir=${join(dir, `profile-${n}`)}`, '--window-size=1000,600', `--screenshot=${png}`, `file://${join(dir, 'page.html')}`], { stdio: 'ignore' })
      return createHash('sha256').update(readFileSync(png)).digest('hex')
    }
    const [first, second] = [shot(1), shot(2)]
    // When they differ, the two pictures stay in `dir` to be compared by eye.
    expect({ dir, second }).toEqual({ dir, second: first })
  }, 120_000)

  it('names every missing dependency in one message: the browser, the font tool and each font', () => {
    expect(missingDependencies('/no/chromium', () => undefined).map((m) => m.debian)).toEqual(['chromium', 'fontconfig', 'fonts-dejavu-core', 'fonts-noto-color-emoji'])
    expect(missingDependencies('/no/chromium', () => 'DejaVu Sans\n').map((m) => m.debian)).toEqual(['chromium', 'fonts-noto-color-emoji'])
  })

  it('without Chromium, exits 1 with one message that lists what to install, and no stack trace', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/screenshots.ts')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', CHROMIUM: '/no/chromium' }, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^npm run screenshots needs Chromium \(\/no\/chromium; or set CHROMIUM=\/path\/to\/chromium\).*apt-get install chromium/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
