export const id = 33;
export const ids = [33];
export const modules = {

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upsertPullRequestComment: () => (/* binding */ upsertPullRequestComment)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
// EXTERNAL MODULE: ./src/gate/risks/findings.ts
var findings = __webpack_require__(828);
// EXTERNAL MODULE: ./src/inputs/config.ts
var config = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/comment.ts
/** The pull-request comment: the verdict of one leg in a few lines, a hidden marker to find it again, and a link to the run. */






/** GitHub refuses comment bodies longer than this. */
const COMMENT_LIMIT = 65_536;
/**
 * Names the workflow, the job and its matrix values: one comment per gate and pull request. Never
 * the task: a run that starts a new scan (create-task, or a new name per commit) updates the same
 * comment, rather than pile up stale verdicts.
 */
function commentMarker(place) {
    const clean = (value) => value.replace(/--+|[<>"\n\r]/g, '_').slice(0, 200);
    return `<!-- hss-scan-gate workflow="${clean(place.workflow)}" job="${clean(place.job)}" matrix="${clean(matrixKey(place.matrix))}" -->`;
}
/** The matrix values in a stable order (`file=dockerfile,os=linux`); long ones end in a hash, so two legs never share a key. */
function matrixKey(json) {
    let values;
    try {
        values = JSON.parse(json || 'null');
    }
    catch {
        values = json;
    }
    if (values === null || values === undefined || values === '')
        return '';
    const text = typeof values === 'object' && !Array.isArray(values)
        ? Object.entries(values)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
            .join(',')
        : JSON.stringify(values);
    return text.length <= 160 ? text : `${text.slice(0, 140)}…#${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16)}`;
}
/** Findings the comment lists; the rest are in the run's summary. */
const COMMENT_FINDINGS = 10;
/** Reasons the comment quotes (one per broken threshold: there are few). */
const COMMENT_REASONS = 8;
/**
 * The comment: short, and one per leg. A heading with the verdict and the leg (workflow, job and
 * matrix values), the reasons, at most COMMENT_FINDINGS findings with their places (those that
 * break the gate first), and a link to the run, whose job summary has everything. Under 60 lines
 * however much HSS found.
 */
function renderComment(report, place, runUrl, now = new Date()) {
    const { verdict } = report;
    const leg = [place.workflow, place.job].filter(Boolean).map((name) => (0,src_escape/* code */.aY)((0,src_escape/* clip */.$Q)(name, 80))).join(' / ');
    const matrix = matrixKey(place.matrix);
    const legText = [leg, matrix ? (0,src_escape/* code */.aY)((0,src_escape/* clip */.$Q)(matrix, 120)) : ''].filter(Boolean).join(' · ');
    const parts = [commentMarker(place), `### ${(0,summary/* titleOf */.Gg)(report)}${legText ? ` — ${legText}` : ''}`];
    const reasons = [...verdict.reasons, ...(verdict.note ? [verdict.note] : [])];
    if (reasons.length) {
        parts.push('', ...reasons.slice(0, COMMENT_REASONS).map((reason, i) => `${i ? '>\n' : ''}> ${reason.markdown}`));
        if (reasons.length > COMMENT_REASONS)
            parts.push('>', `> …and ${reasons.length - COMMENT_REASONS} more in the run's summary.`);
    }
    const risks = report.risks;
    if (risks && risks.reading.incomplete === undefined) {
        const shown = (0,findings/* mostSevereFindings */.KY)(risks.findings.filter((f) => !f.excepted));
        const counts = config/* RISK_LEVELS */.WA.map((level) => `${level} **${risks.counts[level]}**`).join(' · ');
        const others = [risks.excepted ? `${risks.excepted} excepted` : '', risks.preExisting ? `${risks.preExisting} pre-existing` : ''].filter(Boolean).join(', ');
        parts.push('', `IaC risks that count: ${counts}${risks.counts.unknown ? ` · of a level HSS does not document **${risks.counts.unknown}**` : ''}${others ? ` (and ${others})` : ''}.`);
        if (shown.length) {
            parts.push('', '| Level | Risk | Where | Status |', '|---|---|---|---|');
            parts.push(...shown.slice(0, COMMENT_FINDINGS).map((f) => `| ${(0,summary/* cell */.Hn)(f.risk.risk_level)} | ${(0,summary/* cell */.Hn)(f.risk.risk_name)} | ${(0,summary/* where */._M)(f, report.source)} | ${(0,summary/* findingStatus */.W0)(f, risks.level, (0,summary/* brokenMark */.ti)(report))} |`));
            if (shown.length > COMMENT_FINDINGS)
                parts.push('', `…and ${shown.length - COMMENT_FINDINGS} more in the run's summary.`);
        }
    }
    const stale = report.stale?.checks.filter((check) => check.stale).length ?? 0;
    if (stale)
        parts.push('', `${report.stale?.mode === 'fail' ? (0,summary/* brokenMark */.ti)(report) : '⚠️'} ${stale} ${stale === 1 ? 'copy' : 'copies'} HSS scanned ${stale === 1 ? 'is' : 'are'} older than this run (listed in the run's summary).`);
    const updated = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    parts.push('', runUrl ? `[The run's full summary](${runUrl}) · updated ${updated}` : `The run's job summary has the full report · updated ${updated}`);
    return (0,redact/* redact */.E$)(parts.join('\n') + '\n').slice(0, COMMENT_LIMIT - 1);
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * Keeps one comment with the verdict on the pull request, updated in place on re-runs. Loaded only
 * when comment-on-pr is set, so a plain run does not pay for Octokit at start-up.
 */


/** The events whose payload names one pull request to comment on (a merge queue's group names none). */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/** `signal` aborts every request (time-out or cancellation); the caller reports that. */
async function upsertPullRequestComment(token, report, matrix, signal) {
    if (!PR_EVENTS.has(github/* context */._.eventName))
        return { kind: 'skipped', why: `not a pull-request event (${github/* context */._.eventName || 'none'})` };
    const number = github/* context */._.payload.pull_request?.number;
    if (!number)
        return { kind: 'skipped', why: 'the event has no pull request number' };
    if (!token)
        return { kind: 'failed', why: 'github-token is empty' };
    const { owner, repo } = github/* context */._.repo;
    const place = { workflow: github/* context */._.workflow ?? '', job: github/* context */._.job ?? '', matrix };
    const marker = commentMarker(place);
    const runUrl = github/* context */._.runId ? `${github/* context */._.serverUrl}/${owner}/${repo}/actions/runs/${github/* context */._.runId}` : undefined;
    const body = renderComment(report, place, runUrl);
    const octokit = (0,github/* getOctokit */.Q)(token, { request: { signal } });
    try {
        // Only a comment this token's own identity wrote is ours to edit, whoever else copied the marker.
        const me = await viewerLogin(octokit);
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) {
            const mine = me === undefined ? undefined : page.data.find((comment) => comment.user?.login === me && comment.body?.startsWith(marker));
            if (mine) {
                const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
                return { kind: 'written', url: data.html_url, updated: true };
            }
        }
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        return { kind: 'written', url: data.html_url, updated: false };
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return { kind: 'failed', why: explain(error, github/* context */._.payload) };
    }
}
/**
 * The login the token acts as (`github-actions[bot]` for GITHUB_TOKEN, as REST shows it on
 * comments). Undefined when GitHub will not say: then no comment is edited, a new one is written.
 */
async function viewerLogin(octokit) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return typeof answer.viewer?.login === 'string' ? answer.viewer.login : undefined;
    }
    catch (error) {
        if (error.name === 'AbortError')
            throw error;
        return undefined;
    }
}
function explain(error, payload) {
    const status = error.status;
    const message = error instanceof Error ? error.message : String(error);
    const fork = payload.pull_request?.head?.repo?.fork;
    if (status === 403 || status === 404) {
        const forkNote = fork ? ' Pull requests from forks get a read-only token on pull_request events.' : '';
        return `HTTP ${status}: the token cannot write pull-request comments (the job needs permissions: pull-requests: write).${forkNote}`;
    }
    return status ? `HTTP ${status}: ${message}` : message;
}


/***/ })

};
