/** The repository checks that .ci/run runs must be able to fail: the workflow check and the licence check. */
import { describe, expect, it } from '@jest/globals'
import { actionlint, injections, yamlBlocks } from '../scripts/check-workflows.ts'
import { packageDirs, problems, render, type BundledPackage } from '../scripts/licenses.ts'

describe('check-workflows', () => {
  it('finds a ${{ }} expression inside a run: script, in a workflow or a snippet', () => {
    const workflow = "jobs:\n  j:\n    steps:\n      - run: echo '${{ steps.gate.outputs.failed-files }}'\n      - env:\n          X: ${{ steps.gate.outputs.reason }}\n        run: echo \"$X\"\n"
    expect(injections('w.yml', workflow)).toEqual([{ file: 'w.yml', line: 4, message: expect.stringContaining('run: script') }])
    const snippet = "      - if: always()\n        run: |\n          echo hello\n          echo \"${{ steps.gate.outputs.result }}\"\n"
    expect(injections('README.md', snippet, 100)).toHaveLength(1)
  })

  it('finds the README\'s YAML blocks, and says when one is not valid YAML', () => {
    const markdown = 'text\n```yaml\na: 1\n```\n\n```yml\nrun: ${{ x }}\n```\n```sh\nrun: ${{ y }}\n```\n'
    expect(yamlBlocks(markdown)).toEqual([{ text: 'a: 1', line: 2 }, { text: 'run: ${{ x }}', line: 6 }])
    expect(injections('README.md', 'a: [unclosed')[0]?.message).toMatch(/is not valid YAML/)
  })

  it('runs actionlint, which finds a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n        unknown-key: 1\n'
    const findings = await actionlint([{ file: 'broken.yml', text: broken }])
    expect(findings.length).toBeGreaterThan(0)
  })
})

describe('licences', () => {
  const pkg = (name: string, license: string): BundledPackage => ({ name, version: '1.0.0', license, text: 'MIT License …' })

  it('finds a bundled package whose licence is not allowed, or that is not listed', () => {
    const packages = [pkg('ky', 'MIT'), pkg('copyleft-thing', 'GPL-3.0-only')]
    const listed = render([pkg('copyleft-thing', 'GPL-3.0-only')])
    expect(problems(packages, listed)).toEqual([
      'ky 1.0.0 is bundled but not listed in licenses.txt',
      expect.stringContaining('copyleft-thing 1.0.0 is licensed GPL-3.0-only, which is not one of')
    ])
    expect(problems([pkg('ky', 'MIT')], render([pkg('ky', 'MIT')]))).toEqual([])
  })

  it('reads the bundled packages from webpack\'s stats, nested node_modules included', () => {
    const stats = { modules: [{ name: './node_modules/ky/distribution/index.js' }, { name: '(webpack)/x', modules: [{ name: './node_modules/@actions/github/node_modules/@octokit/core/dist/index.js' }] }, { name: './src/main.ts' }] }
    expect(packageDirs(stats)).toEqual(['node_modules/@actions/github/node_modules/@octokit/core', 'node_modules/ky'])
  })
})
