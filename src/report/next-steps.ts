/** One to three concrete next steps for every ending that is not a pass: what to check, what to change. */
import { link, prose, quoted, words, type Prose } from '../escape.ts'
import { CancelledError, HssError, InputError, UnreachableError } from '../errors.ts'
import { GitHubError } from '../repo/github.ts'
import { UploadError } from '../gate/upload/upload.ts'
import { AmbiguousCreation } from '../gate/wait/create.ts'
import { text, wholeNumber } from '../hss/fields.ts'
import { FINISHED } from '../hss/models.ts'
import { formatDuration, formatUtc } from '../inputs/parse.ts'
import type { Report } from '../gate/report.ts'

/**
 * Where the action's README is, for this run: the action's own repository and ref (the runner sets
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF for `uses: owner/repo@ref`), else, for `uses: ./`,
 * the repository being built at its commit. Undefined when neither is known.
 */
export function readmeUrl(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const ok = (value: string | undefined, pattern: RegExp) => (value && pattern.test(value) ? value : undefined)
  const repo = ok(env.GITHUB_ACTION_REPOSITORY, /^[\w.-]+\/[\w.-]+$/)
  const ref = ok(env.GITHUB_ACTION_REF, /^[\w./-]+$/)
  if (repo && ref) return `${server}/${repo}/blob/${ref}/README.md`
  const own = ok(env.GITHUB_REPOSITORY, /^[\w.-]+\/[\w.-]+$/)
  const sha = ok(env.GITHUB_SHA, /^[0-9a-f]{40,64}$/)
  return own && sha ? `${server}/${own}/blob/${sha}/README.md` : undefined
}

/** A section of the README, linked when the run knows where the action's README is. */
export function readmeSection(readme: string | undefined, title: string, anchor: string): Prose {
  return link(`the README's ${title}`, readme ? `${readme}#${anchor}` : undefined)
}

export function nextSteps(report: Report, readme?: string): Prose[] {
  const { verdict, task, taskType, ref } = report
  if (verdict.result === 'passed') return []
  if (verdict.result === 'timed-out') {
    const upload = report.upload
    if (upload?.outOfTime) {
      return [prose`The files could not all be uploaded before ${words('`timeout`')}: HSS takes 5 upload requests a minute, so raise ${words('`timeout`')} (${upload.requests} ${words(upload.requests === 1 ? 'request needs' : 'requests need')} about ${words(formatDuration(Math.max(0, upload.requests - 5) * 12_000))} beyond the first five), or upload fewer files.`]
    }
    if (ref.by === 'create' && !task) {
      return [prose`HSS kept refusing to start the scan: run fewer gates at once on this credential, or raise ${words('`timeout`')}.`]
    }
    if (task) {
      const minutes = task.task_status === FINISHED ? undefined : wholeNumber(task.estimated_time)
      const estimate = minutes === undefined ? prose`` : minutes === 0 ? prose` (HSS estimated less than a minute more)` : prose` (HSS estimated ${minutes} more ${words(minutes === 1 ? 'minute' : 'minutes')})`
      return [
        prose`The scan was still ${text(task.task_status) ?? 'unknown'} after ${words(formatDuration(report.timeoutMs))}: raise ${words('`timeout`')}${estimate}.`,
        prose`Check the task in the HSS console: a scan that stays ${text(task.task_status) ?? 'unknown'} may be stuck.`
      ]
    }
    const steps = [
      prose`Check that ${words('`task-type`')} (${taskType}) is the type of the task, and that it lives in this project (${words('`project-id`, `region`')}) and enterprise project (${words('`enterprise-project-id`')}; ${'all_granted_eps'} sees them all).`
    ]
    if (ref.by === 'name') {
      steps.push(prose`Check the name: ${quoted(ref.name)} must match exactly, case included${ref.createdAfter === undefined ? prose`` : prose`, and the task must start after ${words(formatUtc(ref.createdAfter))} (${words('`created-after`')})`}.`)
      if (verdict.reasons.some((r) => r.text.includes('name search'))) steps.push(prose`Too many tasks match the name: give ${words('`task-id`')}, or a more specific name.`)
    } else {
      steps.push(prose`Check the id ${ref.by === 'id' ? ref.id : report.target.id ?? ''}: HSS does not list it.`)
    }
    return steps.slice(0, 3)
  }
  const steps: Prose[] = []
  if (verdict.counts.unreadable.length) steps.push(prose`HSS sent counts the gate cannot read: open the task in the HSS console, re-run, and if it persists, tell Huawei Cloud support the task id.`)
  const broken = new Set(verdict.checks.filter((c) => !c.met && c.actual !== undefined).map((c) => c.input))
  if (broken.has('fail-on-risk')) steps.push(prose`Fix the risks that break the gate (each has HSS's remediation), then push again; to accept one, add it to the exceptions file with a reason and an expiry (${readmeSection(readme, 'Exceptions', 'accepting-a-risk-exceptions')}).`)
  const ignored = report.exceptions?.ignored.length ?? 0
  if (ignored && broken.has('fail-on-risk')) {
    const file = report.exceptionsFile ?? 'the exceptions file'
    steps.push(prose`${ignored} ${words(ignored === 1 ? 'entry' : 'entries')} of ${file} ${words(ignored === 1 ? 'excepts' : 'except')} nothing (listed under Exceptions above): give each a ${words('`rule`')}, a ${words('`reason`')} and an ${words('`expires`')} date to come, or remove it, in a pull request to the base branch (a pull request cannot change the file that judges it).`)
  }
  const reading = report.risks?.reading
  if (reading?.incomplete !== undefined && report.risks?.level) {
    if (reading.refused) steps.push(prose`HSS refused a risk call: grant the IAM user or agency HSS ReadOnlyAccess in this project (${readmeSection(readme, 'Prerequisites', 'prerequisites')}).`)
    else if (reading.outOfTime) steps.push(prose`The risks could not all be read before ${words('`timeout`')}: give it room for the risk calls, about one per ${words('`poll-interval`')} per file after the first five.`)
    else steps.push(prose`HSS's answers about the risks could not be read in full (see the reason above): re-run; if it persists, tell Huawei Cloud support the task id.`)
  }
  if (broken.has('stale-copies')) steps.push(prose`Upload this commit's changed files to HSS in this workflow run, before the gate starts the scan (${readmeSection(readme, 'Stale copies', 'stale-copies')}); or set ${words('`stale-copies: warn`')} to report them only.`)
  if (broken.has('max-failed') || broken.has('max-failed-percent')) {
    const what = taskType === 'iac_scan' ? prose`Fix the files HSS could not scan (its reason is listed per file)` : prose`Open the task in the HSS console to see why the clusters failed to scan`
    steps.push(prose`${what}; raise ${words('`max-failed`')} or ${words('`max-failed-percent`')} only if such failures are expected.`)
  }
  if (broken.has('min-scanned')) steps.push(prose`Too few items were scanned: check the task covers the files (or clusters) meant, or lower ${words('`min-scanned`')}.`)
  return steps.slice(0, 3)
}

/** Next steps for a run that stopped without a verdict. */
export function stopSteps(error: unknown, forkWithoutSecrets = false, readme?: string): Prose[] {
  if (error instanceof CancelledError) return [prose`The workflow run was cancelled while the gate waited: re-run it to get a verdict.`]
  if (error instanceof UnreachableError) {
    return [
      prose`Check ${words('`region`')} and ${words('`endpoint`')} (and ${words('`iam-endpoint`')}): the gate asked ${error.endpoint}, which never answered, so no task was asked for and no scan was sent.`,
      error.proxy
        ? prose`Check the proxy ${error.proxy} (${words('`HTTPS_PROXY`')}): it may refuse the endpoint, or need it in ${words('`NO_PROXY`')}.`
        : prose`On a self-hosted runner, check that it can reach the endpoint on port 443, and set ${words('`HTTPS_PROXY`')} (with ${words('`NO_PROXY`')}) in the step's ${words('`env`')} when its network needs a proxy.`,
      prose`Then re-run the job.`
    ]
  }
  if (error instanceof UploadError) {
    const otherWays = prose`Or upload the files yourself: in the HSS console's IaC file list, then give their ids in ${words('`file-ids`')} instead of ${words('`upload-files`')} (${readmeSection(readme, 'Uploading', 'uploading-the-pull-requests-files')}).`
    if (error.refused.length) return [prose`Fix the files HSS refused (its reason is named for each), or leave them out with a ${words('`!`')} pattern in ${words('`upload-files`')}, then re-run.`, otherWays]
    const status = error.failure?.status
    if (status === 404) return [prose`HSS has no upload API at this endpoint (HTTP 404 ${error.failure?.errorCode ?? ''}): HSS stopped publishing BatchUploadFiles after SDK 3.1.161, and a region may not offer it. Check ${words('`endpoint`')} and ${words('`region`')}.`, otherWays]
    if (status === 401 || status === 403) return [prose`Check the credentials, and that the IAM user or agency has HSS FullAccess in this project (uploading writes to HSS).`, otherWays]
    return [prose`Re-run the job; if it happens again, tell Huawei Cloud support what HSS answered.`, otherWays]
  }
  if (error instanceof AmbiguousCreation) {
    return [
      prose`Look in the HSS console (linked above) for a task of that type started at that time, and copy its id.`,
      prose`To judge that task, run the gate with ${words('`create-task: false`')} and the id in ${words('`task-id`')} (a step with ${words('`create-task: true`')} refuses ${words('`task-id`')}). A ${words('`workflow_dispatch`')} input makes it one click: ${words('`create-task: ${{ inputs.task-id == \'\' }}`')} and ${words('`task-id: ${{ inputs.task-id }}`')} (${readmeSection(readme, 'Troubleshooting', 'troubleshooting')}).`,
      prose`Or re-run the job as it is, to start a new scan (the one that may exist runs as well).`
    ]
  }
  if (error instanceof InputError) {
    if (forkWithoutSecrets) {
      return [
        prose`This run is for a pull request from a fork: GitHub does not pass repository secrets to it, so the gate has no credentials.`,
        prose`Run the gate on ${words('`pull_request`')} for branches of this repository, or from a ${words('`workflow_run`')} workflow (${readmeSection(readme, 'Forks', 'pull-requests-from-forks')}); never check out fork code under ${words('`pull_request_target`')} with secrets.`
      ]
    }
    if (error.input === 'exceptions-file') return [prose`Fix the exceptions file on the base branch (${readmeSection(readme, 'Exceptions', 'accepting-a-risk-exceptions')}): a pull request cannot change the file that judges it.`]
    return [prose`Fix the input ${words(`\`${error.input}\``)} in the step's ${words('`with:`')} (or the environment variable it falls back to); ${readmeSection(readme, 'Inputs table', 'inputs')} lists what each input allows.`]
  }
  if (error instanceof GitHubError) {
    if (error.refused) {
      return [
        prose`Give the job the permission the message names, under ${words('`permissions:`')} (${readmeSection(readme, 'Prerequisites', 'prerequisites')}).`,
        prose`Or turn off the check that needs it: ${words('`stale-copies: off`')} needs neither ${words('`actions: read`')} nor the changed files; ${words('`fail-on-risk-scope: all`')} needs no changed files.`
      ]
    }
    return [prose`GitHub's API did not answer as expected: re-run the job; if it persists, check ${words('`github-token`')} and githubstatus.com.`]
  }
  if (error instanceof HssError) {
    if (error.kind === 'tls') return [prose`Set ${words('`NODE_EXTRA_CA_CERTS`')} to your CA bundle (PEM) in the step's ${words('`env`')} when a proxy or private CA signs the endpoint's certificate.`]
    if (error.kind === 'redirect') return [prose`Check ${words('`endpoint`')} and ${words('`iam-endpoint`')}: the server pointed elsewhere, and the gate follows no redirects, so that no credential goes where you did not send it.`]
    if (error.status === 401) {
      return [
        prose`Check the credentials: ${words('`access-key-id`')} and ${words('`secret-access-key`')} (with ${words('`security-token`')} for temporary keys), or ${words('`auth-token`')}.`,
        prose`Check the runner's clock: signatures more than 15 minutes off are refused.`
      ]
    }
    if (error.status === 403 || error.errorCode === 'HSS.0010' || error.errorCode === 'HSS.0013') {
      return [prose`Grant the IAM user or agency HSS permissions in this project (HSS ReadOnlyAccess; HSS FullAccess to start scans), and check ${words('`project-id`')} and ${words('`enterprise-project-id`')}.`]
    }
    if (error.status === 404) return [prose`Check ${words('`endpoint`')}, ${words('`region`')} and ${words('`project-id`')}: HSS has no such API or resource there.`]
    if (error.status === 400) return [prose`HSS refused the request as sent: check the inputs HSS's message names (${words('`enterprise-project-id`')}, ids, file ids).`]
  }
  return [prose`Re-run the job; if it happens again, open an issue with this log (secrets are masked in it).`]
}
