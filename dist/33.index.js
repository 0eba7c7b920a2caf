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
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/comment.ts
/** The pull-request comment: the summary's content, a hidden marker to find it again, under GitHub's limit. */



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
function renderComment(report, marker, runUrl) {
    const link = runUrl ? `\n\n[Workflow run](${runUrl}) · updated ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}` : '';
    // Fewer file and risk rows until it fits; the summary itself is bounded, so this ends quickly.
    for (let rows = summary/* SUMMARY_FILE_ROWS */.A6;; rows = Math.floor(rows / 2)) {
        const body = `${marker}\n${(0,summary/* renderSummary */.Br)(report, { fileRows: rows, riskRows: Math.min(rows, summary/* SUMMARY_RISK_ROWS */.T$) })}${link}`;
        if (body.length < COMMENT_LIMIT || rows === 0)
            return (0,redact/* redact */.E$)(body).slice(0, COMMENT_LIMIT - 1);
    }
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
    const marker = commentMarker({ workflow: github/* context */._.workflow ?? '', job: github/* context */._.job ?? '', matrix });
    const runUrl = github/* context */._.runId ? `${github/* context */._.serverUrl}/${owner}/${repo}/actions/runs/${github/* context */._.runId}` : undefined;
    const body = renderComment(report, marker, runUrl);
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
