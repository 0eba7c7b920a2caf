import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/** Time, injectable: the poller and retries use it, so tests run on a fake clock and never really sleep. */

const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        const onAbort = () => {
            clearTimeout(timer);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T9: () => (/* binding */ HssError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/** The failures the action tells apart. Each says what went wrong in words a workflow author can act on. */
/** A bad input value, found before any request is sent. */
class InputError extends Error {
    name = 'InputError';
    input;
    constructor(input, value, problem) {
        const shown = value === undefined ? '' : ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`;
        super(`Input \`${input}\` ${problem}${shown}.`);
        this.input = input;
    }
}
/**
 * A request to HSS or IAM that did not give the expected answer.
 * `transient` ones (network, time-out, 408, 429, 5xx, a body that is not the expected JSON) are retried;
 * the rest fail the step at once.
 */
class HssError extends Error {
    name = 'HssError';
    kind;
    operation;
    status;
    errorCode;
    errorMsg;
    requestId;
    retryAfterMs;
    constructor(details) {
        super(describe(details), { cause: details.cause });
        this.kind = details.kind;
        this.operation = details.operation;
        this.status = details.status;
        this.errorCode = details.errorCode;
        this.errorMsg = details.errorMsg;
        this.requestId = details.requestId;
        this.retryAfterMs = details.retryAfterMs;
    }
    get transient() {
        // An untrusted certificate does not mend itself: fail now, not at the time-out.
        if (this.kind === 'tls')
            return false;
        if (this.kind !== 'http')
            return true;
        const status = this.status ?? 0;
        return status === 408 || status === 429 || status >= 500 || this.throttled;
    }
    get throttled() {
        return this.status === 429 || this.errorCode === 'APIGW.0308';
    }
}
function describe(d) {
    const id = d.requestId ? ` (request id ${d.requestId})` : '';
    switch (d.kind) {
        case 'network':
            return `${d.operation}: could not reach the server: ${causeText(d.cause)}`;
        case 'timeout':
            return `${d.operation}: the server did not answer in time`;
        case 'tls':
            return `${d.operation}: TLS: the server's certificate is not trusted (${causeText(d.cause)}). Behind a TLS-inspecting proxy or with a private CA, set NODE_EXTRA_CA_CERTS to the CA bundle (PEM) in the step's env`;
        case 'bad-body': {
            const why = d.cause instanceof Error ? ` (${d.cause.message})` : '';
            return `${d.operation}: HTTP ${d.status ?? '?'} with a body that is not the expected JSON${why}${id}`;
        }
        case 'http': {
            const code = d.errorCode ? ` ${d.errorCode}` : '';
            const msg = d.errorMsg ? `: ${d.errorMsg}` : '';
            return `${d.operation}: HTTP ${d.status ?? '?'}${code}${msg}${id}${advice(d)}`;
        }
    }
}
function advice(d) {
    if (d.status === 401) {
        return '. Check the credentials (access-key-id/secret-access-key, security-token for temporary keys, or auth-token) and that the runner clock is right: the gateway rejects signatures more than 15 minutes off.';
    }
    if (d.status === 403 || d.errorCode === 'HSS.0010' || d.errorCode === 'HSS.0013') {
        return '. The credentials lack HSS permissions in this project: grant the IAM user or agency the "HSS ReadOnlyAccess" policy (or HSS FullAccess), and check project-id and enterprise-project-id.';
    }
    if (d.status === 404) {
        return '. Check endpoint, region and project-id.';
    }
    return '';
}
function causeText(cause) {
    if (cause instanceof Error) {
        const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
        return `${cause.message}${inner}`;
    }
    return String(cause);
}
/** The workflow was cancelled (SIGINT or SIGTERM) while the action waited. */
class CancelledError extends Error {
    name = 'CancelledError';
    constructor() {
        super('cancelled: the workflow run was cancelled while waiting');
    }
}


/***/ }),

/***/ 2988:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Makes a value that came from HSS safe inside the job summary: no HTML, no Markdown formatting or
 * links, no table breaks, one line, bounded length.
 */
// Markdown and HTML specials, the table pipe, and `@` (no mentions from a task name).
const SPECIAL = /[&<>"'|`*_[\]\\~#!@:()]/g;
const MAX_CELL = 200;
function escapeCell(value, maxLength = MAX_CELL) {
    const text = truncate(oneLine(String(value ?? '')), maxLength);
    return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`);
}
/** Collapses line breaks and other control characters into single spaces. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
/** Cuts at a code-point boundary and marks the cut. */
function truncate(text, maxLength) {
    const points = Array.from(text);
    return points.length <= maxLength ? text : `${points.slice(0, maxLength - 1).join('')}…`;
}


/***/ }),

/***/ 9339:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   mQ: () => (/* binding */ countsOf),
/* harmony export */   ul: () => (/* binding */ itemWord),
/* harmony export */   vd: () => (/* binding */ failedPercent)
/* harmony export */ });
function countsOf(task, taskType) {
    if (taskType === 'iac_scan') {
        const info = task?.iac_scan_info;
        return {
            scanned: count(info?.scan_file_num),
            succeeded: count(info?.success_file_num),
            failed: count(info?.failed_file_num)
        };
    }
    const info = task?.cluster_scan_info;
    const scanning = count(info?.scanning_cluster_num);
    const succeeded = count(info?.success_cluster_num);
    const failed = count(info?.failed_cluster_num);
    return { scanned: scanning + succeeded + failed, succeeded, failed };
}
/** failed / scanned × 100, 0 when nothing was scanned. */
function failedPercent(counts) {
    return counts.scanned === 0 ? 0 : (counts.failed / counts.scanned) * 100;
}
/** A count HSS sent; anything that is not a non-negative whole number reads as 0. */
function count(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
function itemWord(taskType) {
    return taskType === 'iac_scan' ? 'files' : 'clusters';
}


/***/ }),

/***/ 5950:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ judge),
/* harmony export */   f: () => (/* binding */ percentText)
/* harmony export */ });
/* harmony import */ var _counts_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9339);
/* harmony import */ var _hss_models_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9406);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3718);



function judge(input) {
    const { task, taskType, thresholds } = input;
    const counts = (0,_counts_js__WEBPACK_IMPORTED_MODULE_1__/* .countsOf */ .mQ)(task, taskType);
    const percent = (0,_counts_js__WEBPACK_IMPORTED_MODULE_1__/* .failedPercent */ .vd)(counts);
    if (task?.task_status !== _hss_models_js__WEBPACK_IMPORTED_MODULE_2__/* .FINISHED */ .B) {
        const failing = input.lastError ? `; the last query failed: ${input.lastError}` : '';
        const reason = task
            ? `Task ${input.wanted} did not finish within ${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(input.timeoutMs)} (last status: ${task.task_status ?? 'none'})${failing}`
            : `No ${taskType} task ${input.wanted} was found within ${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(input.timeoutMs)}${failing}`;
        return { result: 'timed-out', reasons: [reason], checks: [], counts, failedPercent: percent };
    }
    const items = (0,_counts_js__WEBPACK_IMPORTED_MODULE_1__/* .itemWord */ .ul)(taskType);
    const checks = [
        {
            input: 'max-failed',
            label: `Failed ${items}`,
            bound: 'at most',
            limit: thresholds.maxFailed,
            actual: counts.failed,
            unit: '',
            met: counts.failed <= thresholds.maxFailed
        }
    ];
    if (thresholds.maxFailedPercent !== undefined) {
        checks.push({
            input: 'max-failed-percent',
            label: `Failed ${items} (percent)`,
            bound: 'at most',
            limit: thresholds.maxFailedPercent,
            actual: percent,
            unit: '%',
            // Compared unrounded: 10.04 % breaks a 10 % limit even though it shows as 10.0.
            met: counts.failed * 100 <= thresholds.maxFailedPercent * counts.scanned
        });
    }
    checks.push({
        input: 'min-scanned',
        label: `Scanned ${items}`,
        bound: 'at least',
        limit: thresholds.minScanned,
        actual: counts.scanned,
        unit: '',
        met: counts.scanned >= thresholds.minScanned
    });
    const reasons = checks.filter((check) => !check.met).map((check) => reasonFor(check, counts, items));
    return { result: reasons.length ? 'failed' : 'passed', reasons, checks, counts, failedPercent: percent };
}
/** One decimal, as the `failed-percent` output shows it. */
function percentText(percent) {
    return String(Math.round(percent * 10) / 10);
}
function reasonFor(check, counts, items) {
    switch (check.input) {
        case 'max-failed':
            return `${counts.failed} ${items} failed to scan, more than max-failed ${check.limit}`;
        case 'max-failed-percent':
            return `${Number(check.actual.toFixed(2))}% of ${items} failed (${counts.failed} of ${counts.scanned}), more than max-failed-percent ${check.limit}`;
        case 'min-scanned':
            return `Only ${counts.scanned} ${items} were scanned, fewer than min-scanned ${check.limit}`;
    }
}


/***/ }),

/***/ 9406:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ FINISHED)
/* harmony export */ });
/** The only status that ends the wait; HSS has no failed or cancelled status. */
const FINISHED = 'finished';


/***/ }),

/***/ 7430:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ useProxyFromEnv)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Self-hosted runners often reach Huawei Cloud only through a proxy. Node's fetch ignores
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY unless told otherwise; this tells it, at run time.
 */

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** Routes fetch through the proxy the environment names, honouring NO_PROXY. Returns what it did. */
function useProxyFromEnv(env, module = node_http__WEBPACK_IMPORTED_MODULE_0__) {
    if (!PROXY_VARIABLES.some((name) => env[name]))
        return 'none';
    // NODE_USE_ENV_PROXY (or --use-env-proxy) already made Node read them at start-up.
    if (env.NODE_USE_ENV_PROXY === '1')
        return 'enabled';
    if (typeof module.setGlobalProxyFromEnv !== 'function')
        return 'unsupported';
    module.setGlobalProxyFromEnv(env);
    return 'enabled';
}


/***/ }),

/***/ 8219:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oO: () => (/* binding */ createTransport),
  u4: () => (/* binding */ isRecord)
});

// UNUSED EXPORTS: MAX_BODY_BYTES, errorDetail, parseRetryAfter, redactor, tlsFailure

;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/KyError.js
/**
Base class for all Ky-specific errors. `HTTPError`, `NetworkError`, `TimeoutError`, and `ForceRetryError` extend this class.

You can use `instanceof KyError` to check if an error originated from Ky, or use the `isKyError()` type guard for cross-realm compatibility and TypeScript type narrowing.

Note: `SchemaValidationError` is intentionally not considered a Ky error. `KyError` covers failures in Ky's HTTP lifecycle (bad status, timeout, retry), while schema validation errors originate from the user-provided schema, not from Ky itself.
*/
class KyError extends Error {
    name = 'KyError';
    get isKyError() {
        return true;
    }
}
//# sourceMappingURL=KyError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/HTTPError.js

/**
Error thrown when the response has a non-2xx status code and `throwHttpErrors` is enabled.

The error has a `response` property with the `Response` object, a `request` property with the `Request` object, an `options` property with the normalized options (either passed to `ky` when creating an instance with `ky.create()` or directly when performing the request), and a `data` property with the pre-parsed response body. For JSON responses (based on `Content-Type`), the body is parsed using the `parseJson` option if set, or `JSON.parse` by default. For other content types, it is set as plain text. If the body is empty, unreadable, too large, parsing fails, or the error-data read/parse timeout is reached, `data` will be `undefined`. To avoid hanging or excessive buffering, `error.data` body reads and async JSON parsing are bounded by the request timeout (or 10 seconds when `timeout` is disabled), any remaining `totalTimeout` budget, and a 10 MiB response body size limit. If `totalTimeout` expires while populating `error.data`, Ky throws `TimeoutError` instead of `HTTPError`. The `data` property is populated before `beforeError` hooks run, so hooks can access it.

The response body is automatically consumed when populating `error.data`, so `error.response.json()` and other body methods will not work. Use `error.data` instead. The `error.response` object is still available for headers, status, etc.

Be aware that some types of errors, such as network errors, inherently mean that a response was not received. In that case, the error will be an instance of `NetworkError` instead of `HTTPError` and will not contain a `response` property.
*/
class HTTPError extends KyError {
    name = 'HTTPError';
    response;
    request;
    options;
    data;
    constructor(response, request, options) {
        const code = (response.status || response.status === 0) ? response.status : '';
        const title = response.statusText ?? '';
        const status = `${code} ${title}`.trim();
        const reason = status ? `status code ${status}` : 'an unknown error';
        super(`Request failed with ${reason}: ${request.method} ${request.url}`);
        this.response = response;
        this.request = request;
        this.options = options;
    }
}
//# sourceMappingURL=HTTPError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/NetworkError.js

/**
Error thrown when a network error occurs during the request (e.g., DNS failure, connection refused, offline). It has a `request` property with the `Request` object. The original error is available via the standard `cause` property.

Network errors are automatically retried (for retriable methods).

Note: Network errors are detected using runtime-specific heuristics. Unrecognized runtimes may produce errors that are not wrapped in `NetworkError`. Use the `shouldRetry` option to handle such cases.
*/
class NetworkError extends KyError {
    name = 'NetworkError';
    request;
    constructor(request, options) {
        super(`Request failed due to a network error: ${request.method} ${request.url}`, options);
        this.request = request;
    }
}
//# sourceMappingURL=NetworkError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/NonError.js
/**
Wrapper for non-Error values that were thrown.

In JavaScript, any value can be thrown (not just Error instances). This class wraps such values to ensure consistent error handling.
*/
class NonError extends Error {
    name = 'NonError';
    value;
    constructor(value) {
        let message = 'Non-error value was thrown';
        // Intentionally minimal as this error is just an edge-case.
        try {
            if (typeof value === 'string') {
                message = value;
            }
            else if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
                message = value.message;
            }
        }
        catch {
            // Use default message if accessing properties throws
        }
        super(message);
        this.value = value;
    }
}
//# sourceMappingURL=NonError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/ForceRetryError.js


/**
Error used to signal a forced retry from `afterResponse` hooks.

This is thrown when `ky.retry()` is returned from an `afterResponse` hook. It is observable in `beforeRetry` and `beforeError` hooks via the `isForceRetryError()` type guard.
*/
class ForceRetryError_ForceRetryError extends KyError {
    name = 'ForceRetryError';
    customDelay;
    code;
    customRequest;
    constructor(options) {
        // Runtime protection: wrap non-Error causes in NonError
        // TypeScript type is Error for guidance, but JS users can pass anything
        const cause = options?.cause
            ? (options.cause instanceof Error ? options.cause : new NonError(options.cause))
            : undefined;
        super(options?.code ? `Forced retry: ${options.code}` : 'Forced retry', cause ? { cause } : undefined);
        this.customDelay = options?.delay;
        this.code = options?.code;
        this.customRequest = options?.request;
    }
}
//# sourceMappingURL=ForceRetryError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/SchemaValidationError.js
/**
The error thrown when [Standard Schema](https://github.com/standard-schema/standard-schema) validation fails in `.json(schema)`. It has an `issues` property with the validation issues from the schema.

This error intentionally does not extend `KyError` because it does not represent a failure in Ky's HTTP lifecycle. The request succeeded; the user's schema rejected the data. As such, it is not matched by `isKyError()`.

@example
```
import ky, {SchemaValidationError} from 'ky';
import {z} from 'zod';

const userSchema = z.object({name: z.string()});

try {
    const user = await ky('/api/user').json(userSchema);
    console.log(user.name);
} catch (error) {
    if (error instanceof SchemaValidationError) {
        console.error(error.issues);
    }
}
```
*/
class SchemaValidationError extends Error {
    name = 'SchemaValidationError';
    issues;
    constructor(issues) {
        super('Response schema validation failed');
        this.issues = issues;
    }
}
//# sourceMappingURL=SchemaValidationError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/TimeoutError.js

/**
Error thrown when the request times out. It has a `request` property with the `Request` object.
*/
class TimeoutError extends KyError {
    name = 'TimeoutError';
    request;
    constructor(request) {
        super(`Request timed out: ${request.method} ${request.url}`);
        this.request = request;
    }
}
//# sourceMappingURL=TimeoutError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/core/constants.js
const supportsRequestStreams = (() => {
    let duplexAccessed = false;
    let hasContentType = false;
    const supportsReadableStream = typeof globalThis.ReadableStream === 'function';
    const supportsRequest = typeof globalThis.Request === 'function';
    if (supportsReadableStream && supportsRequest) {
        try {
            hasContentType = new globalThis.Request('https://empty.invalid', {
                body: new globalThis.ReadableStream(),
                method: 'POST',
                // @ts-expect-error - Types are outdated.
                get duplex() {
                    duplexAccessed = true;
                    return 'half';
                },
            }).headers.has('Content-Type');
        }
        catch (error) {
            // QQBrowser on iOS throws "unsupported BodyInit type" error (see issue #581)
            if (error instanceof Error && error.message === 'unsupported BodyInit type') {
                return false;
            }
            throw error;
        }
    }
    return duplexAccessed && !hasContentType;
})();
const supportsAbortController = typeof globalThis.AbortController === 'function';
const supportsAbortSignal = typeof globalThis.AbortSignal === 'function' && typeof globalThis.AbortSignal.any === 'function';
const supportsResponseStreams = typeof globalThis.ReadableStream === 'function';
const supportsFormData = typeof globalThis.FormData === 'function';
const requestMethods = ['get', 'post', 'put', 'patch', 'head', 'delete', 'query'];
const validate = () => undefined;
validate();
const responseTypes = {
    json: 'application/json',
    text: 'text/*',
    formData: 'multipart/form-data',
    arrayBuffer: '*/*',
    blob: '*/*',
    // Supported in modern Fetch implementations (for example, browsers and recent Node.js/undici).
    // We still feature-check at runtime before exposing the shortcut.
    bytes: '*/*',
};
// The maximum value of a 32bit int (see issue #117)
const maxSafeTimeout = 2_147_483_647;
// Size in bytes of a typical form boundary (e.g., '------WebKitFormBoundaryaxpyiPgbbPti10Rw'), used to help estimate upload size
const usualFormBoundarySize = 40;
/**
Symbol that can be returned by a `beforeRetry` hook to stop retrying without throwing an error.
*/
const stop = Symbol('stop');
/**
Marker returned by `ky.retry()` to signal a forced retry from `afterResponse` hooks.
*/
class RetryMarker {
    options;
    constructor(options) {
        this.options = options;
    }
}
/**
Force a retry from an `afterResponse` hook.

This allows you to retry a request based on the response content, even if the response has a successful status code. The retry will respect the `retry.limit` option and skip the `shouldRetry` check. The forced retry is observable in `beforeRetry` hooks, where the error will be a `ForceRetryError`.

@param options - Optional configuration for the retry.

@example
```
import ky, {isForceRetryError} from 'ky';

const api = ky.extend({
    hooks: {
        afterResponse: [
            async ({request, response}) => {
                // Retry based on response body content
                if (response.status === 200) {
                    const data = await response.json();

                    // Simple retry with default delay
                    if (data.error?.code === 'TEMPORARY_ERROR') {
                        return ky.retry();
                    }

                    // Retry with custom delay from API response
                    if (data.error?.code === 'RATE_LIMIT') {
                        return ky.retry({
                            delay: data.error.retryAfter * 1000,
                            code: 'RATE_LIMIT'
                        });
                    }

                    // Retry with a modified request (e.g., fallback endpoint)
                    if (data.error?.code === 'FALLBACK_TO_BACKUP') {
                        return ky.retry({
                            request: new Request('https://backup-api.com/endpoint', {
                                method: request.method,
                                headers: request.headers,
                            }),
                            code: 'BACKUP_ENDPOINT'
                        });
                    }

                    // Retry with refreshed authentication
                    if (data.error?.code === 'TOKEN_REFRESH' && data.newToken) {
                        return ky.retry({
                            request: new Request(request, {
                                headers: {
                                    ...Object.fromEntries(request.headers),
                                    'Authorization': `Bearer ${data.newToken}`
                                }
                            }),
                            code: 'TOKEN_REFRESHED'
                        });
                    }

                    // Retry with cause to preserve error chain
                    try {
                        validateResponse(data);
                    } catch (error) {
                        return ky.retry({
                            code: 'VALIDATION_FAILED',
                            cause: error
                        });
                    }
                }
            }
        ],
        beforeRetry: [
            ({error, retryCount}) => {
                // Observable in beforeRetry hooks
                if (isForceRetryError(error)) {
                    console.log(`Forced retry #${retryCount}: ${error.message}`);
                    // Example output: "Forced retry #1: Forced retry: RATE_LIMIT"
                }
            }
        ]
    }
});

const response = await api.get('https://example.com/api');
```
*/
const retry = (options) => new RetryMarker(options);
const kyOptionKeys = {
    json: true,
    parseJson: true,
    stringifyJson: true,
    searchParams: true,
    baseUrl: true,
    prefix: true,
    retry: true,
    timeout: true,
    totalTimeout: true,
    hooks: true,
    throwHttpErrors: true,
    onDownloadProgress: true,
    onUploadProgress: true,
    fetch: true,
    context: true,
};
// Standard RequestInit options that should NOT be passed separately to fetch()
// because they're already applied to the Request object.
// Note: `dispatcher` and `priority` are NOT included here - they're fetch-only
// options that the Request constructor doesn't accept, so they need to be passed
// separately to fetch().
const requestOptionsRegistry = {
    method: true,
    headers: true,
    body: true,
    mode: true,
    credentials: true,
    cache: true,
    redirect: true,
    referrer: true,
    referrerPolicy: true,
    integrity: true,
    keepalive: true,
    signal: true,
    window: true,
    duplex: true,
};
//# sourceMappingURL=constants.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/body.js

const encoder = new TextEncoder();
// eslint-disable-next-line @typescript-eslint/no-restricted-types
const getBodySize = (body) => {
    if (!body) {
        return 0;
    }
    if (body instanceof FormData) {
        // This is an approximation, as FormData size calculation is not straightforward
        let size = 0;
        for (const [key, value] of body) {
            size += usualFormBoundarySize;
            size += encoder.encode(`Content-Disposition: form-data; name="${key}"`).byteLength;
            size += typeof value === 'string'
                ? encoder.encode(value).byteLength
                : value.size;
        }
        return size;
    }
    if (body instanceof Blob) {
        return body.size;
    }
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
        return body.byteLength;
    }
    if (typeof body === 'string') {
        return encoder.encode(body).byteLength;
    }
    if (body instanceof URLSearchParams) {
        return encoder.encode(body.toString()).byteLength;
    }
    return 0;
};
const withProgress = (stream, totalBytes, onProgress) => {
    let previousChunk;
    let transferredBytes = 0;
    return stream.pipeThrough(new TransformStream({
        transform(currentChunk, controller) {
            controller.enqueue(currentChunk);
            if (previousChunk) {
                transferredBytes += previousChunk.byteLength;
                let percent = totalBytes === 0 ? 0 : transferredBytes / totalBytes;
                // Avoid reporting 100% progress before the stream is actually finished (in case totalBytes is inaccurate)
                if (percent >= 1) {
                    // Epsilon is used here to get as close as possible to 100% without reaching it.
                    // If we were to use 0.99 here, percent could potentially go backwards.
                    percent = 1 - Number.EPSILON;
                }
                onProgress?.({ percent, totalBytes: Math.max(totalBytes, transferredBytes), transferredBytes }, previousChunk);
            }
            previousChunk = currentChunk;
        },
        flush() {
            const finalChunk = previousChunk ?? new Uint8Array();
            transferredBytes += finalChunk.byteLength;
            onProgress?.({ percent: 1, totalBytes: Math.max(totalBytes, transferredBytes), transferredBytes }, finalChunk);
        },
    }));
};
const streamResponse = (response, onDownloadProgress) => {
    if (!response.body) {
        return response;
    }
    const responseInit = {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
    };
    if (response.status === 204) {
        return new Response(null, responseInit);
    }
    const totalBytes = Math.max(0, Number(response.headers.get('content-length')) || 0);
    return new Response(withProgress(response.body, totalBytes, onDownloadProgress), responseInit);
};
// eslint-disable-next-line @typescript-eslint/no-restricted-types
const streamRequest = (request, onUploadProgress, originalBody) => {
    if (!request.body) {
        return request;
    }
    // Use original body for size calculation since request.body is already a stream
    const totalBytes = getBodySize(originalBody ?? request.body);
    return new Request(request, {
        // @ts-expect-error - Types are outdated.
        duplex: 'half',
        body: withProgress(request.body, totalBytes, onUploadProgress),
    });
};
//# sourceMappingURL=body.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/is.js
// eslint-disable-next-line @typescript-eslint/no-restricted-types
const isObject = (value) => value !== null && typeof value === 'object';
//# sourceMappingURL=is.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/merge.js


const replaceSymbol = Symbol('replaceOption');
const getReplaceState = (value) => isObject(value) && value[replaceSymbol] === true
    ? {
        isReplace: true,
        value: value.value,
    }
    : {
        isReplace: false,
        value,
    };
/**
Wraps a value so that `ky.extend()` will replace the parent value instead of merging with it. Works with hooks, headers, search parameters, context, and any other deep-merged option.

By default, `.extend()` deep-merges options with the parent instance: hooks get appended, headers get merged, and search parameters get accumulated. Use `replaceOption` when you want to fully replace a merged property instead.

@example
```
import ky, {replaceOption} from 'ky';

const base = ky.create({
    hooks: {beforeRequest: [addAuth, addTracking]},
});

// Replaces instead of appending
const extended = base.extend({
    hooks: replaceOption({beforeRequest: [onlyThis]}),
});
// hooks.beforeRequest is now [onlyThis], not [addAuth, addTracking, onlyThis]
```
*/
const replaceOption = (value) => {
    const markedValue = { [replaceSymbol]: true, value };
    return markedValue;
};
const validateAndMerge = (...sources) => {
    for (const source of sources) {
        if ((!isObject(source) || Array.isArray(source)) && source !== undefined) {
            throw new TypeError('The `options` argument must be an object');
        }
    }
    return deepMerge({}, ...sources);
};
const mergeHeaders = (source1 = {}, source2 = {}) => {
    const result = new globalThis.Headers(source1);
    const isHeadersInstance = source2 instanceof globalThis.Headers;
    const source = new globalThis.Headers(source2);
    for (const [key, value] of source.entries()) {
        if ((isHeadersInstance && value === 'undefined') || value === undefined) {
            result.delete(key);
        }
        else {
            result.set(key, value);
        }
    }
    return result;
};
const isPlainObject = (value) => {
    if (!isObject(value) || Array.isArray(value)) {
        return false;
    }
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
};
const cloneShallow = (value) => {
    if (value instanceof URLSearchParams) {
        const copy = new URLSearchParams(value);
        const deleted = value[deletedParametersSymbol];
        if (deleted) {
            // Preserve internal deletion markers so init-hook cloning does not resurrect params removed during option merging.
            copy[deletedParametersSymbol] = new Set(deleted);
        }
        return copy;
    }
    if (value instanceof globalThis.Headers) {
        return new globalThis.Headers(value);
    }
    if (Array.isArray(value)) {
        return [...value];
    }
    if (isPlainObject(value)) {
        const copy = { ...value };
        return copy;
    }
    return value;
};
const normalizeHeaderObject = (headers) => Object.fromEntries(Object.entries(headers).filter((entry) => entry[1] !== undefined));
const mergeHeaderContainers = (source1, source2) => {
    if (isPlainObject(source1) && isPlainObject(source2)) {
        return normalizeHeaderObject({ ...source1, ...source2 });
    }
    return mergeHeaders(source1, source2);
};
function newHookValue(original, incoming, property) {
    return (Object.hasOwn(incoming, property) && incoming[property] === undefined)
        ? []
        : deepMerge(original[property] ?? [], incoming[property] ?? []);
}
const mergeHooks = (original = {}, incoming = {}) => ({
    init: newHookValue(original, incoming, 'init'),
    beforeRequest: newHookValue(original, incoming, 'beforeRequest'),
    beforeRetry: newHookValue(original, incoming, 'beforeRetry'),
    beforeError: newHookValue(original, incoming, 'beforeError'),
    afterResponse: newHookValue(original, incoming, 'afterResponse'),
});
const deletedParametersSymbol = Symbol('deletedParameters');
const appendSearchParameters = (target, source) => {
    const result = new URLSearchParams();
    const deleted = new Set();
    for (const input of [target, source]) {
        if (input === undefined) {
            continue;
        }
        if (input instanceof URLSearchParams) {
            for (const [key, value] of input.entries()) {
                result.append(key, value);
                deleted.delete(key);
            }
            const inputDeleted = input[deletedParametersSymbol];
            if (inputDeleted) {
                for (const key of inputDeleted) {
                    result.delete(key);
                    deleted.add(key);
                }
            }
        }
        else if (Array.isArray(input)) {
            for (const pair of input) {
                if (!Array.isArray(pair) || pair.length !== 2) {
                    throw new TypeError('Array search parameters must be provided in [[key, value], ...] format');
                }
                result.append(String(pair[0]), String(pair[1]));
                deleted.delete(String(pair[0]));
            }
        }
        else if (isObject(input)) {
            for (const [key, value] of Object.entries(input)) {
                if (value === undefined) {
                    result.delete(key);
                    deleted.add(key);
                }
                else {
                    result.append(key, String(value));
                    deleted.delete(key);
                }
            }
        }
        else {
            // String
            const parameters = new URLSearchParams(input);
            for (const [key, value] of parameters.entries()) {
                result.append(key, value);
                deleted.delete(key);
            }
        }
    }
    if (deleted.size > 0) {
        result[deletedParametersSymbol] = deleted;
    }
    return result;
};
// TODO: Make this strongly-typed (no `any`).
const deepMergeInternal = (isRoot, ...sources) => {
    let returnValue = {};
    let headers = {};
    let hooks = {};
    let searchParameters;
    const signals = [];
    for (const source of sources) {
        if (Array.isArray(source)) {
            if (!Array.isArray(returnValue)) {
                returnValue = [];
            }
            returnValue = [...returnValue, ...source];
        }
        else if (isObject(source)) {
            for (let [key, value] of Object.entries(source)) {
                const replaceState = getReplaceState(value);
                const { isReplace } = replaceState;
                value = replaceState.value;
                const isRootSignal = isRoot && key === 'signal';
                if (isRootSignal && (isReplace || value === undefined)) {
                    signals.length = 0;
                }
                // Special handling for AbortSignal instances at the root options level
                if (isRootSignal && value instanceof globalThis.AbortSignal) {
                    signals.push(value);
                    continue;
                }
                // Special handling for context - shallow merge only
                if (key === 'context') {
                    if (value !== undefined && value !== null && (!isObject(value) || Array.isArray(value))) {
                        throw new TypeError('The `context` option must be an object');
                    }
                    // Shallow merge: always create a new object to prevent mutation bugs
                    returnValue = {
                        ...returnValue,
                        context: (value === undefined || value === null)
                            ? {}
                            : (isReplace
                                ? { ...value }
                                : { ...returnValue.context, ...value }),
                    };
                    continue;
                }
                // Special handling for searchParams
                if (key === 'searchParams') {
                    if (value === undefined || value === null) {
                        // Explicit undefined or null removes searchParams
                        searchParameters = undefined;
                    }
                    else if (isReplace) {
                        searchParameters = value;
                    }
                    else {
                        // First source: keep as-is to preserve type (string/object/URLSearchParams)
                        // Subsequent sources: merge and convert to URLSearchParams
                        searchParameters = searchParameters === undefined ? value : appendSearchParameters(searchParameters, value);
                    }
                    continue;
                }
                // `retry` accepts a number as shorthand for `{limit: number}`. Expand it before
                // merging so extending a numeric `retry` with an object keeps the limit instead
                // of dropping it (e.g. `ky.create({retry: 3}).extend({retry: {methods: ['get']}})`).
                // Scoped to the root options level so it never rewrites nested user data that
                // happens to contain a `retry` key (e.g. a `json` request body).
                if (isRoot && key === 'retry' && isObject(value) && !isReplace && typeof returnValue[key] === 'number') {
                    returnValue = { ...returnValue, [key]: { limit: returnValue[key] } };
                }
                if (isObject(value) && !isReplace && key in returnValue) {
                    value = deepMergeInternal(false, returnValue[key], value);
                }
                returnValue = { ...returnValue, [key]: value };
            }
            if (isObject(source.hooks)) {
                const { value: hookValue, isReplace } = getReplaceState(source.hooks);
                hooks = isReplace
                    ? mergeHooks({}, hookValue)
                    : mergeHooks(hooks, hookValue);
                returnValue.hooks = hooks;
            }
            if (isObject(source.headers)) {
                const { value: headerValue, isReplace } = getReplaceState(source.headers);
                headers = isReplace
                    ? cloneShallow(headerValue)
                    : mergeHeaderContainers(headers, headerValue);
                returnValue.headers = headers;
            }
        }
    }
    if (searchParameters !== undefined) {
        returnValue.searchParams = searchParameters;
    }
    if (signals.length > 0) {
        if (signals.length === 1) {
            returnValue.signal = signals[0];
        }
        else if (supportsAbortSignal) {
            returnValue.signal = AbortSignal.any(signals);
        }
        else {
            // When AbortSignal.any is not available, use the last signal
            // This maintains the previous behavior before signal merging was added
            // This can be removed when the `supportsAbortSignal` check is removed.
            returnValue.signal = signals.at(-1);
        }
    }
    return returnValue;
};
const deepMerge = (...sources) => deepMergeInternal(true, ...sources);
//# sourceMappingURL=merge.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/normalize.js

const normalizeRequestMethod = (input) => requestMethods.includes(input) ? input.toUpperCase() : input;
const retryMethods = ['get', 'put', 'head', 'delete', 'options', 'trace', 'query'];
const retryStatusCodes = [408, 413, 429, 500, 502, 503, 504];
const retryAfterStatusCodes = [413, 429, 503];
const invalidRetryLimitErrorMessage = '`retry.limit` must be a finite, non-negative integer';
const defaultRetryOptions = {
    limit: 2,
    methods: retryMethods,
    statusCodes: retryStatusCodes,
    afterStatusCodes: retryAfterStatusCodes,
    maxRetryAfter: Number.POSITIVE_INFINITY,
    backoffLimit: Number.POSITIVE_INFINITY,
    delay: attemptCount => 0.3 * (2 ** (attemptCount - 1)) * 1000,
    jitter: undefined,
    retryOnTimeout: false,
};
const getDefaultRetryOptions = () => ({
    ...defaultRetryOptions,
    methods: [...defaultRetryOptions.methods],
    statusCodes: [...defaultRetryOptions.statusCodes],
    afterStatusCodes: [...defaultRetryOptions.afterStatusCodes],
});
/**
Normalizes an omitted retry limit or validates a supplied one.
*/
const normalizeRetryLimit = (retryLimit) => {
    if (retryLimit === undefined) {
        return defaultRetryOptions.limit;
    }
    if (typeof retryLimit !== 'number' || !Number.isInteger(retryLimit) || retryLimit < 0) {
        throw new TypeError(invalidRetryLimitErrorMessage);
    }
    return retryLimit;
};
const normalizeRetryOptions = (retry = {}) => {
    if (typeof retry === 'number') {
        return {
            ...getDefaultRetryOptions(),
            limit: normalizeRetryLimit(retry),
        };
    }
    if (retry === null || typeof retry !== 'object' || Array.isArray(retry)) {
        throw new TypeError('`retry` must be a number or an object');
    }
    const normalizedRetry = Object.fromEntries(Object.entries(retry).filter(([, value]) => value !== undefined));
    const retryLimit = normalizeRetryLimit(normalizedRetry.limit);
    if (normalizedRetry.methods !== undefined && !Array.isArray(normalizedRetry.methods)) {
        throw new Error('retry.methods must be an array');
    }
    if (normalizedRetry.statusCodes !== undefined && !Array.isArray(normalizedRetry.statusCodes)) {
        throw new Error('retry.statusCodes must be an array');
    }
    if (normalizedRetry.afterStatusCodes !== undefined && !Array.isArray(normalizedRetry.afterStatusCodes)) {
        throw new Error('retry.afterStatusCodes must be an array');
    }
    if (normalizedRetry.methods !== undefined) {
        normalizedRetry.methods = normalizedRetry.methods.map(method => method.toLowerCase());
    }
    if (normalizedRetry.statusCodes !== undefined) {
        normalizedRetry.statusCodes = [...normalizedRetry.statusCodes];
    }
    if (normalizedRetry.afterStatusCodes !== undefined) {
        normalizedRetry.afterStatusCodes = [...normalizedRetry.afterStatusCodes];
    }
    return {
        ...getDefaultRetryOptions(),
        ...normalizedRetry,
        limit: retryLimit,
    };
};
//# sourceMappingURL=normalize.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/timeout.js

// `Promise.race()` workaround (#91)
async function timeout(request, init, abortController, options) {
    return new Promise((resolve, reject) => {
        const timeoutId = setTimeout(() => {
            if (abortController) {
                abortController.abort();
            }
            reject(new TimeoutError(request));
        }, options.timeout);
        void options
            .fetch(request, init)
            .then(resolve)
            .catch(reject)
            .then(() => {
            clearTimeout(timeoutId);
        });
    });
}
//# sourceMappingURL=timeout.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/delay.js
// https://github.com/sindresorhus/delay/tree/ab98ae8dfcb38e1593286c94d934e70d14a4e111
async function delay(ms, { signal }) {
    return new Promise((resolve, reject) => {
        if (signal) {
            signal.throwIfAborted();
            signal.addEventListener('abort', abortHandler, { once: true });
        }
        function abortHandler() {
            clearTimeout(timeoutId);
            reject(signal.reason);
        }
        const timeoutId = setTimeout(() => {
            signal?.removeEventListener('abort', abortHandler);
            resolve();
        }, ms);
    });
}
//# sourceMappingURL=delay.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/options.js


const findUnknownOptions = (options) => {
    const unknownOptions = {};
    for (const key in options) {
        // Skip inherited properties
        if (!Object.hasOwn(options, key)) {
            continue;
        }
        // Forward every non-standard, non-Ky option to fetch().
        // We intentionally do not check whether the key also exists on `Request`, because some runtimes
        // patch `Request.prototype` with fetch-only extensions. For example, Next.js adds `next`, and the
        // old `key in request` heuristic dropped it unless Ky kept a special-case allowlist.
        // Passing all non-standard keys makes that allowlist unnecessary and preserves future fetch extensions too.
        if (!(key in requestOptionsRegistry) && !(key in kyOptionKeys)) {
            unknownOptions[key] = options[key];
        }
    }
    return unknownOptions;
};
const hasSearchParameters = (search) => {
    if (search === undefined) {
        return false;
    }
    // The `typeof array` still gives "object", so we need different checking for array.
    if (Array.isArray(search)) {
        return search.length > 0;
    }
    if (search instanceof URLSearchParams) {
        return search.size > 0 || Boolean(search[deletedParametersSymbol]?.size);
    }
    // Record
    if (typeof search === 'object') {
        return Object.keys(search).length > 0;
    }
    if (typeof search === 'string') {
        return search.trim().length > 0;
    }
    return Boolean(search);
};
//# sourceMappingURL=options.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/is-network-error.js
// Inlined from https://github.com/sindresorhus/is-network-error v1.3.2
const objectToString = Object.prototype.toString;
const isError = (value) => objectToString.call(value) === '[object Error]';
const errorMessages = new Set([
    'network error', // Chrome
    'NetworkError when attempting to fetch resource.', // Firefox
    'The Internet connection appears to be offline.', // Safari 16
    'Network request failed', // `cross-fetch`
    'fetch failed', // Undici (Node.js)
    'terminated', // Undici (Node.js)
    ' A network error occurred.', // Bun (WebKit) - leading space is intentional
    'Network connection lost', // Cloudflare Workers (fetch)
]);
function isRawNetworkError(error) {
    const isValid = error
        && isError(error)
        && error.name === 'TypeError'
        && typeof error.message === 'string';
    if (!isValid) {
        return false;
    }
    const { message, stack } = error;
    // Safari 17+ has generic message but no stack for network errors
    if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
        return stack === undefined
            // Sentry adds its own stack trace to the fetch error, so also check for that
            || '__sentry_captured__' in error;
    }
    // Deno network errors start with specific text
    if (message.startsWith('error sending request for url')) {
        return true;
    }
    // Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
    if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
        return true;
    }
    // Standard network error messages
    return errorMessages.has(message);
}
//# sourceMappingURL=is-network-error.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/type-guards.js




// Handles cross-realm cases (e.g., iframes, different JS contexts) where `instanceof` fails.
const isErrorType = (error, cls) => error instanceof cls || error?.name === cls.name;
/**
Type guard to check if an error is a `KyError`.

Note: `SchemaValidationError` is intentionally not considered a Ky error. `KyError` covers failures in Ky's HTTP lifecycle (bad status, timeout, retry), while schema validation errors originate from the user-provided schema, not from Ky itself.

@param error - The error to check
@returns `true` if the error is a Ky error, `false` otherwise

@example
```
import ky, {isKyError} from 'ky';
try {
    const response = await ky.get('/api/data');
} catch (error) {
    if (isKyError(error)) {
        // Handle Ky-specific errors
        console.log('Ky error occurred:', error.message);
    } else {
        // Handle other errors
        console.log('Unknown error:', error);
    }
}
```
*/
function isKyError(error) {
    return error?.isKyError === true || isHTTPError(error) || isNetworkError(error) || isTimeoutError(error) || isForceRetryError(error);
}
/**
Type guard to check if an error is an `HTTPError`.

@param error - The error to check
@returns `true` if the error is an `HTTPError`, `false` otherwise

@example
```
import ky, {isHTTPError} from 'ky';
try {
    const response = await ky.get('/api/data');
} catch (error) {
    if (isHTTPError(error)) {
        console.log('HTTP error status:', error.response.status);
    }
}
```
*/
function isHTTPError(error) {
    return isErrorType(error, HTTPError);
}
/**
Type guard to check if an error is a `NetworkError`.

@param error - The error to check
@returns `true` if the error is a `NetworkError`, `false` otherwise

@example
```
import ky, {isNetworkError} from 'ky';
try {
    const response = await ky.get('/api/data');
} catch (error) {
    if (isNetworkError(error)) {
        console.log('Network error:', error.request.url);
    }
}
```
*/
function isNetworkError(error) {
    return isErrorType(error, NetworkError);
}
/**
Type guard to check if an error is a `TimeoutError`.

@param error - The error to check
@returns `true` if the error is a `TimeoutError`, `false` otherwise

@example
```
import ky, {isTimeoutError} from 'ky';
try {
    const response = await ky.get('/api/data', { timeout: 1000 });
} catch (error) {
    if (isTimeoutError(error)) {
        console.log('Request timed out:', error.request.url);
    }
}
```
*/
function isTimeoutError(error) {
    return isErrorType(error, TimeoutError);
}
/**
Type guard to check if an error is a `ForceRetryError`.

@param error - The error to check
@returns `true` if the error is a `ForceRetryError`, `false` otherwise

@example
```
import ky, {isForceRetryError} from 'ky';

const api = ky.extend({
    hooks: {
        beforeRetry: [
            ({error, retryCount}) => {
                if (isForceRetryError(error)) {
                    console.log(`Forced retry #${retryCount}: ${error.code}`);
                }
            }
        ]
    }
});
```
*/
function isForceRetryError(error) {
    return isErrorType(error, ForceRetryError);
}
//# sourceMappingURL=type-guards.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/core/retry-timing.js
// Older epoch-second values are indistinguishable from ordinary delay seconds, so timestamp compatibility only applies to current-era reset headers.
const timestampThreshold = Date.parse('2024-01-01');
const delayPattern = /^\d+$/;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// HTTP-date parsing is limited to IMF-fixdate and the two obsolete HTTP-date formats. Other date-like strings intentionally fall back to the normal retry delay.
const imfDatePattern = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const rfc850DatePattern = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const asctimeDatePattern = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2}| \d) (\d{2}:\d{2}:\d{2}) (\d{4})$/;
const getRetryTimingHeader = (headers) => {
    const retryAfter = headers.get('Retry-After');
    if (retryAfter !== null) {
        return { value: retryAfter, allowTimestamp: false };
    }
    // Retry-After is authoritative when present. Only missing Retry-After falls through to rate-limit headers.
    const rateLimitReset = headers.get('RateLimit-Reset');
    if (rateLimitReset !== null) {
        return { value: rateLimitReset, allowTimestamp: true };
    }
    const rateLimitRetryAfter = headers.get('X-RateLimit-Retry-After'); // Symfony-based services
    if (rateLimitRetryAfter !== null) {
        return { value: rateLimitRetryAfter, allowTimestamp: false };
    }
    const rateLimitResetAlias = headers.get('X-RateLimit-Reset') // GitHub
        ?? headers.get('X-Rate-Limit-Reset'); // Twitter
    if (rateLimitResetAlias !== null) {
        return { value: rateLimitResetAlias, allowTimestamp: true };
    }
    return undefined;
};
const createTimestamp = ({ year, month, day, hours, minutes, seconds }) => {
    const monthIndex = months.indexOf(month);
    const dayNumber = Number(day);
    const hoursNumber = Number(hours);
    const minutesNumber = Number(minutes);
    const secondsNumber = Number(seconds);
    if (monthIndex === -1
        || hoursNumber > 23
        || minutesNumber > 59
        || secondsNumber > 60) {
        return undefined;
    }
    const normalizedSeconds = Math.min(secondsNumber, 59);
    const date = new Date(Date.UTC(year, monthIndex, dayNumber, hoursNumber, minutesNumber, normalizedSeconds));
    date.setUTCFullYear(year);
    const timestamp = date.getTime();
    // Date.UTC normalizes overflow, so round-trip the parts to reject invalid dates. A leap second is represented by parsing 60 as 59 and adding one second.
    if (date.getUTCFullYear() !== year
        || date.getUTCMonth() !== monthIndex
        || date.getUTCDate() !== dayNumber
        || date.getUTCHours() !== hoursNumber
        || date.getUTCMinutes() !== minutesNumber
        || date.getUTCSeconds() !== normalizedSeconds) {
        return undefined;
    }
    return secondsNumber === 60 ? timestamp + 1000 : timestamp;
};
const getCapture = (match, index) => match[index];
const parseDate = (value) => {
    const imfDate = imfDatePattern.exec(value);
    if (imfDate) {
        return createTimestamp({
            year: Number(getCapture(imfDate, 3)),
            month: getCapture(imfDate, 2),
            day: getCapture(imfDate, 1),
            hours: getCapture(imfDate, 4),
            minutes: getCapture(imfDate, 5),
            seconds: getCapture(imfDate, 6),
        });
    }
    const rfc850Date = rfc850DatePattern.exec(value);
    if (rfc850Date) {
        const now = new Date();
        const twoDigitYear = Number(getCapture(rfc850Date, 3));
        const currentCenturyYear = (Math.floor(now.getUTCFullYear() / 100) * 100) + twoDigitYear;
        const fiftyYearsFromNow = Date.UTC(now.getUTCFullYear() + 50, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds());
        let timestamp;
        // RFC 9110 maps two-digit years to the latest matching century that is not more than 50 years in the future.
        for (const year of [
            currentCenturyYear - 100,
            currentCenturyYear,
            currentCenturyYear + 100,
        ]) {
            const candidateTimestamp = createTimestamp({
                year,
                month: getCapture(rfc850Date, 2),
                day: getCapture(rfc850Date, 1),
                hours: getCapture(rfc850Date, 4),
                minutes: getCapture(rfc850Date, 5),
                seconds: getCapture(rfc850Date, 6),
            });
            if (candidateTimestamp !== undefined
                && candidateTimestamp <= fiftyYearsFromNow) {
                timestamp = candidateTimestamp;
            }
        }
        return timestamp;
    }
    const asctimeDate = asctimeDatePattern.exec(value);
    if (asctimeDate) {
        const time = getCapture(asctimeDate, 4);
        const [hours, minutes, seconds] = time.split(':');
        return createTimestamp({
            year: Number(getCapture(asctimeDate, 5)),
            month: getCapture(asctimeDate, 2),
            day: getCapture(asctimeDate, 3).trim(),
            hours,
            minutes,
            seconds,
        });
    }
    return undefined;
};
const calculateRetryTimingDelay = ({ value, allowTimestamp }) => {
    if (delayPattern.test(value)) {
        let delay = Number(value) * 1000;
        // Standard Retry-After numbers are delay seconds. Timestamp compatibility only applies to reset headers.
        if (allowTimestamp
            && delay >= timestampThreshold) {
            delay -= Date.now();
        }
        return Math.max(0, delay);
    }
    const timestamp = parseDate(value);
    if (timestamp === undefined) {
        return undefined;
    }
    const delay = timestamp - Date.now();
    return Number.isFinite(delay) ? Math.max(0, delay) : undefined;
};
//# sourceMappingURL=retry-timing.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/core/Ky.js
















const maxErrorResponseBodySize = 10 * 1024 * 1024;
const prefixUrlRenamedErrorMessage = 'The `prefixUrl` option has been renamed `prefix` in v2 and enhanced to allow slashes in input. See also the new `baseUrl` option for improved flexibility with standard URL resolution: https://github.com/sindresorhus/ky#baseurl';
const timedOutResponseData = Symbol('timedOutResponseData');
const timedOutOperation = Symbol('timedOutOperation');
const createTextDecoder = (contentType) => {
    const match = /;\s*charset\s*=\s*(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
    const charset = match?.[1] ?? match?.[2];
    if (charset) {
        try {
            return new TextDecoder(charset);
        }
        catch { }
    }
    return new TextDecoder();
};
const invalidSchemaMessage = 'The `schema` argument must follow the Standard Schema specification';
const cloneRetryOptions = (retry) => {
    if (retry === null || typeof retry !== 'object' || Array.isArray(retry)) {
        return retry;
    }
    const clonedRetry = { ...retry };
    // Clone nested arrays too so init hooks can mutate retry config without leaking state across requests.
    if (Array.isArray(clonedRetry.methods)) {
        clonedRetry.methods = [...clonedRetry.methods];
    }
    if (Array.isArray(clonedRetry.statusCodes)) {
        clonedRetry.statusCodes = [...clonedRetry.statusCodes];
    }
    if (Array.isArray(clonedRetry.afterStatusCodes)) {
        clonedRetry.afterStatusCodes = [...clonedRetry.afterStatusCodes];
    }
    return clonedRetry;
};
const Ky_objectToString = Object.prototype.toString;
const leadingC0ControlOrSpacePattern = /^[\0-\u0020]+/g;
const asciiTabOrNewLinePattern = /[\t\n\r]/g;
const schemePattern = /^[a-z][\d+.a-z-]*:/i;
const malformedHttpProtocolPattern = /^https?:(?!\/\/)/i;
const isRequestInstance = (value) => value instanceof globalThis.Request || Ky_objectToString.call(value) === '[object Request]';
// Accepted custom responses are treated as full Responses throughout Ky.
// If a custom fetch returns one, it must behave like a Response for cloning,
// body consumption, `json()` decoration, and any enabled stream features.
const isResponseInstance = (value) => value instanceof globalThis.Response || Ky_objectToString.call(value) === '[object Response]';
const isAbsoluteInput = (input) => schemePattern.test(input);
const normalizeInputForProtocolCheck = (input) => input.replaceAll(leadingC0ControlOrSpacePattern, '').replaceAll(asciiTabOrNewLinePattern, '');
const cloneSearchParametersForInitHook = (searchParameters) => {
    if (Array.isArray(searchParameters)) {
        return searchParameters.map(parameter => [...parameter]);
    }
    return cloneShallow(searchParameters);
};
// Shallow-clone mutable option properties so init hook mutations don't leak across requests.
function cloneInitHookOptions(options) {
    const clonedOptions = {
        ...options,
        json: cloneShallow(options.json),
        context: cloneShallow(options.context),
        headers: cloneShallow(options.headers),
        searchParams: cloneSearchParametersForInitHook(options.searchParams),
    };
    if (options.retry !== undefined) {
        clonedOptions.retry = cloneRetryOptions(options.retry);
    }
    return clonedOptions;
}
const validateJsonWithSchema = async (jsonValue, schema) => {
    if ((typeof schema !== 'object'
        && typeof schema !== 'function')
        || schema === null) {
        throw new TypeError(invalidSchemaMessage);
    }
    const standardSchema = schema['~standard'];
    if (typeof standardSchema !== 'object'
        || standardSchema === null
        || typeof standardSchema.validate !== 'function') {
        throw new TypeError(invalidSchemaMessage);
    }
    const validationResult = await standardSchema.validate(jsonValue);
    if (validationResult.issues) {
        throw new SchemaValidationError(validationResult.issues);
    }
    return validationResult.value;
};
class Ky {
    static create(input, options) {
        const initHooks = options.hooks?.init ?? [];
        const initHookOptions = initHooks.length > 0 ? cloneInitHookOptions(options) : options;
        for (const hook of initHooks) {
            hook(initHookOptions);
        }
        const ky = new Ky(input, initHookOptions);
        const function_ = async () => {
            if (typeof ky.#options.timeout === 'number' && ky.#options.timeout > maxSafeTimeout) {
                throw new RangeError(`The \`timeout\` option cannot be greater than ${maxSafeTimeout}`);
            }
            if (typeof ky.#options.totalTimeout === 'number' && ky.#options.totalTimeout > maxSafeTimeout) {
                throw new RangeError(`The \`totalTimeout\` option cannot be greater than ${maxSafeTimeout}`);
            }
            // Delay the fetch so that body method shortcuts can set the Accept header
            await Promise.resolve();
            const beforeRequestResponse = await ky.#runBeforeRequestHooks();
            if (beforeRequestResponse !== undefined) {
                ky.#retryLimit = normalizeRetryOptions(ky.#options.retry).limit;
            }
            let response = beforeRequestResponse ?? await ky.#retry(async () => ky.#fetch());
            let responseFromHook = beforeRequestResponse !== undefined
                || ky.#consumeReturnedResponseFromBeforeRetryHook();
            for (;;) {
                // `undefined` means a hook stopped the flow without providing a response.
                // Non-native Responses still continue through Ky if they pass `isResponseInstance()`.
                if (response === undefined) {
                    return response;
                }
                if (isResponseInstance(response)) {
                    try {
                        // eslint-disable-next-line no-await-in-loop
                        response = await ky.#runAfterResponseHooks(response);
                    }
                    catch (error) {
                        if (!(error instanceof ForceRetryError_ForceRetryError)) {
                            throw error;
                        }
                        // eslint-disable-next-line no-await-in-loop
                        const retriedResponse = await ky.#retryFromError(error, async () => ky.#fetch());
                        if (retriedResponse === undefined) {
                            return retriedResponse;
                        }
                        response = retriedResponse;
                        responseFromHook = ky.#consumeReturnedResponseFromBeforeRetryHook();
                        continue;
                    }
                }
                const currentResponse = response;
                // Opaque responses (`response.type === 'opaque'`) from `no-cors` requests always have `status: 0` and `ok: false`, but this is not a failure - the actual status is hidden by the browser.
                if (!currentResponse.ok && currentResponse.type !== 'opaque' && (typeof ky.#options.throwHttpErrors === 'function'
                    ? ky.#options.throwHttpErrors(currentResponse.status)
                    : ky.#options.throwHttpErrors)) {
                    // `request` must reflect the request that actually failed, but `options` stays as Ky's
                    // normalized options snapshot. Replacement `Request` instances do not preserve the
                    // original `BodyInit`, so trying to make `options` mirror arbitrary requests would be lossy.
                    const httpError = new HTTPError(currentResponse, ky.#getResponseRequest(currentResponse), ky.#getNormalizedOptions());
                    const errorToThrow = httpError;
                    // eslint-disable-next-line no-await-in-loop
                    httpError.data = await ky.#getResponseData(currentResponse);
                    if (responseFromHook) {
                        throw errorToThrow;
                    }
                    // eslint-disable-next-line no-await-in-loop
                    const retriedResponse = await ky.#retryFromError(httpError, async () => ky.#fetch());
                    if (retriedResponse === undefined) {
                        return retriedResponse;
                    }
                    response = retriedResponse;
                    responseFromHook = ky.#consumeReturnedResponseFromBeforeRetryHook();
                    continue;
                }
                break;
            }
            if (!isResponseInstance(response)) {
                return response;
            }
            ky.#decorateResponse(response);
            // If `onDownloadProgress` is passed, it uses the stream API internally
            if (ky.#options.onDownloadProgress) {
                if (typeof ky.#options.onDownloadProgress !== 'function') {
                    throw new TypeError('The `onDownloadProgress` option must be a function');
                }
                if (!supportsResponseStreams) {
                    throw new Error('Streams are not supported in your environment. `ReadableStream` is missing.');
                }
                const progressResponse = response.clone();
                ky.#cancelResponseBody(response);
                return streamResponse(progressResponse, ky.#options.onDownloadProgress);
            }
            return response;
        };
        const result = (async () => {
            try {
                return await function_();
            }
            catch (error) {
                await ky.#throwProcessedError(error);
            }
            finally {
                const originalRequest = ky.#originalRequest;
                // Ignore cancellation errors from already-locked or already-consumed streams.
                ky.#cancelBody(originalRequest?.body ?? undefined);
                // Only cancel the current request body if it's distinct from the original (i.e. it was cloned for retries).
                if (ky.request !== originalRequest) {
                    ky.#cancelBody(ky.request.body ?? undefined);
                }
            }
        })();
        for (const [type, mimeType] of Object.entries(responseTypes)) {
            // Only expose `.bytes()` when the environment implements it.
            if (type === 'bytes'
                && typeof globalThis.Response?.prototype?.bytes !== 'function') {
                continue;
            }
            result[type] = async (schema) => {
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                ky.request.headers.set('accept', ky.request.headers.get('accept') || mimeType);
                const response = await result;
                if (type !== 'json') {
                    return ky.#raceBodyRead(async () => response[type](), response);
                }
                const text = await ky.#raceBodyRead(async () => response.text(), response);
                const request = ky.#getResponseRequest(response);
                const parsedResult = await ky.#raceWithTotalTimeout(async () => {
                    const jsonValue = initHookOptions.parseJson
                        ? await initHookOptions.parseJson(text, { request, response })
                        : (text === '' && schema !== undefined
                            ? undefined
                            : JSON.parse(text));
                    return schema === undefined ? jsonValue : validateJsonWithSchema(jsonValue, schema);
                });
                if (parsedResult === timedOutOperation) {
                    await ky.#throwProcessedError(new TimeoutError(request));
                }
                return parsedResult;
            };
        }
        return result;
    }
    // eslint-disable-next-line unicorn/prevent-abbreviations
    static #normalizeSearchParams(searchParams) {
        // Filter out undefined values from plain objects
        if (searchParams && typeof searchParams === 'object' && !Array.isArray(searchParams) && !(searchParams instanceof URLSearchParams)) {
            return Object.fromEntries(Object.entries(searchParams).filter(([, value]) => value !== undefined));
        }
        return searchParams;
    }
    request;
    #abortController;
    #retryCount = 0;
    #retryLimit;
    #input;
    #options;
    #originalRequest;
    #userProvidedAbortSignal;
    #beforeRetryHookErrors = new WeakSet();
    #cachedNormalizedOptions;
    #startTime;
    #returnedResponseFromBeforeRetryHook = false;
    #responseRequests = new WeakMap();
    // eslint-disable-next-line complexity
    constructor(input, options = {}) {
        this.#input = input;
        if (Object.hasOwn(options, 'prefixUrl')) {
            throw new Error(prefixUrlRenamedErrorMessage);
        }
        this.#options = {
            ...options,
            headers: mergeHeaders(this.#input.headers, options.headers),
            hooks: mergeHooks({}, options.hooks),
            method: normalizeRequestMethod(options.method ?? this.#input.method ?? 'GET'),
            // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
            prefix: String(options.prefix || ''),
            retry: normalizeRetryOptions(options.retry),
            throwHttpErrors: options.throwHttpErrors ?? true,
            timeout: options.timeout ?? 10_000,
            totalTimeout: options.totalTimeout ?? false,
            fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
            context: options.context ?? {},
        };
        this.#retryLimit = this.#options.retry.limit;
        if (typeof this.#input !== 'string' && !(this.#input instanceof URL || this.#input instanceof globalThis.Request)) {
            throw new TypeError('`input` must be a string, URL, or Request');
        }
        if (typeof this.#input === 'string') {
            if (this.#options.prefix) {
                const normalizedPrefix = this.#options.prefix.replace(/\/+$/, '');
                const normalizedInput = this.#input.replace(/^\/+/, '');
                this.#input = `${normalizedPrefix}/${normalizedInput}`;
            }
            if (this.#options.baseUrl) {
                const normalizedInput = normalizeInputForProtocolCheck(this.#input);
                if (malformedHttpProtocolPattern.test(normalizedInput)) {
                    throw new TypeError('`input` url protocol must be followed by `//` when using `baseUrl`');
                }
                if (!isAbsoluteInput(normalizedInput)) {
                    this.#input = new URL(this.#input, (new Request(this.#options.baseUrl)).url);
                }
            }
        }
        if (supportsAbortController && supportsAbortSignal) {
            this.#userProvidedAbortSignal = this.#options.signal ?? this.#input.signal;
            this.#abortController = new globalThis.AbortController();
            this.#options.signal = this.#createManagedSignal();
        }
        if (supportsRequestStreams) {
            // @ts-expect-error - Types are outdated.
            this.#options.duplex = 'half';
        }
        if (this.#options.json !== undefined) {
            this.#options.body = this.#options.stringifyJson?.(this.#options.json) ?? JSON.stringify(this.#options.json);
            this.#options.headers.set('content-type', this.#options.headers.get('content-type') ?? 'application/json');
        }
        // To provide correct form boundary, Content-Type header should be deleted when creating Request from another Request with FormData/URLSearchParams body
        // Only delete if user didn't explicitly provide a custom content-type
        const userProvidedContentType = options.headers && new globalThis.Headers(options.headers).has('content-type');
        if (this.#input instanceof globalThis.Request
            && ((supportsFormData && this.#options.body instanceof globalThis.FormData) || this.#options.body instanceof URLSearchParams)
            && !userProvidedContentType) {
            this.#options.headers.delete('content-type');
        }
        this.request = new globalThis.Request(this.#input, this.#options);
        if (hasSearchParameters(this.#options.searchParams)) {
            const url = new URL(this.request.url);
            const deleted = this.#options.searchParams?.[deletedParametersSymbol];
            if (deleted) {
                // Remove keys from the input URL first so later searchParams entries can intentionally re-add them.
                for (const key of deleted) {
                    url.searchParams.delete(key);
                }
            }
            if (typeof this.#options.searchParams === 'string') {
                const stringSearchParameters = this.#options.searchParams.replace(/^\?/, '');
                if (stringSearchParameters !== '') {
                    url.search = url.search ? `${url.search}&${stringSearchParameters}` : `?${stringSearchParameters}`;
                }
            }
            else {
                const optionsSearchParameters = new URLSearchParams(Ky.#normalizeSearchParams(this.#options.searchParams));
                for (const [key, value] of optionsSearchParameters.entries()) {
                    url.searchParams.append(key, value);
                }
            }
            if (this.#options.searchParams
                && typeof this.#options.searchParams === 'object'
                && !Array.isArray(this.#options.searchParams)
                && !(this.#options.searchParams instanceof URLSearchParams)) {
                for (const [key, value] of Object.entries(this.#options.searchParams)) {
                    if (value === undefined) {
                        url.searchParams.delete(key);
                    }
                }
            }
            // Recreate request with the updated URL. We already have all options in this.#options, including duplex.
            this.request = new globalThis.Request(url, this.#options);
        }
        if (this.#options.onUploadProgress && typeof this.#options.onUploadProgress !== 'function') {
            throw new TypeError('The `onUploadProgress` option must be a function');
        }
        // `totalTimeout` starts when the request pipeline is created, so it also includes
        // Ky's internal scheduling and user hook time before the first fetch attempt.
        this.#startTime = typeof this.#options.totalTimeout === 'number' ? this.#getCurrentTime() : undefined;
    }
    #calculateDelay(retry) {
        const retryDelay = retry.delay(this.#retryCount + 1);
        let jitteredDelay = retryDelay;
        if (retry.jitter === true) {
            jitteredDelay = Math.random() * retryDelay;
        }
        else if (typeof retry.jitter === 'function') {
            jitteredDelay = retry.jitter(retryDelay);
            if (!Number.isFinite(jitteredDelay) || jitteredDelay < 0) {
                jitteredDelay = retryDelay;
            }
        }
        return Math.min(retry.backoffLimit, jitteredDelay);
    }
    async #calculateRetryDelay(error) {
        const retry = normalizeRetryOptions(this.#options.retry);
        if (this.#retryCount >= Math.min(retry.limit, this.#retryLimit)) {
            throw error;
        }
        // Wrap non-Error throws to ensure consistent error handling
        const errorObject = error instanceof Error ? error : new NonError(error);
        // Handle forced retry from afterResponse hook - skip method check and shouldRetry
        if (errorObject instanceof ForceRetryError_ForceRetryError) {
            return errorObject.customDelay ?? this.#calculateDelay(retry);
        }
        // Check if method is retriable for non-forced retries
        if (!retry.methods.includes(this.request.method.toLowerCase())) {
            throw error;
        }
        const { shouldRetry } = retry;
        if (shouldRetry !== undefined) {
            const result = await this.#raceWithTotalTimeout(async () => shouldRetry({ error: errorObject, retryCount: this.#retryCount + 1 }));
            if (result === timedOutOperation) {
                throw new TimeoutError(this.request);
            }
            // Only exact booleans override the default retry checks.
            if (result === false) {
                throw error;
            }
            if (result === true) {
                return this.#calculateDelay(retry);
            }
        }
        // Default timeout behavior
        if (isTimeoutError(error)) {
            if (!retry.retryOnTimeout) {
                throw error;
            }
            return this.#calculateDelay(retry);
        }
        if (isHTTPError(error)) {
            if (!retry.statusCodes.includes(error.response.status)) {
                throw error;
            }
            const retryTimingHeader = getRetryTimingHeader(error.response.headers);
            if (retryTimingHeader && retry.afterStatusCodes.includes(error.response.status)) {
                const after = calculateRetryTimingDelay(retryTimingHeader);
                if (after === undefined) {
                    // Malformed retry timing headers should not disable retries; they only lose their server-provided timing.
                    return this.#calculateDelay(retry);
                }
                // Don't apply jitter when server provides explicit retry timing
                return Math.min(retry.maxRetryAfter, after);
            }
            if (error.response.status === 413) {
                throw error;
            }
            return this.#calculateDelay(retry);
        }
        // Only retry known retriable error types. Unknown errors (e.g., programming bugs) are not retried.
        if (!isNetworkError(error)) {
            throw error;
        }
        return this.#calculateDelay(retry);
    }
    #decorateResponse(response) {
        const request = this.#getResponseRequest(response);
        if (this.#options.parseJson) {
            response.json = async () => {
                const text = await response.text();
                return this.#options.parseJson(text, { request, response });
            };
        }
        return response;
    }
    async #throwProcessedError(error) {
        // Non-Error throws (e.g., thrown strings) pass through unchanged
        if (!(error instanceof Error)) {
            throw error;
        }
        // Errors thrown by beforeRetry hooks must propagate unchanged.
        if (this.#beforeRetryHookErrors.has(error)) {
            throw error;
        }
        let processedError = error;
        for (const hook of this.#options.hooks.beforeError) {
            // `request` is the current failing request. `options` intentionally remains the
            // stable normalized Ky options snapshot for the same reason as `HTTPError` above.
            // eslint-disable-next-line no-await-in-loop
            const hookResult = await hook({
                request: this.request,
                options: this.#getNormalizedOptions(),
                error: processedError,
                retryCount: this.#retryCount,
            });
            // Only overwrite if the hook returns a valid Error instance.
            if (hookResult instanceof Error) {
                processedError = hookResult;
            }
        }
        throw processedError;
    }
    async #getResponseData(response) {
        // Even with request timeouts disabled, bound error-body reads so retries and error propagation
        // cannot be stalled indefinitely by never-ending response streams.
        const readTimeout = this.#getErrorDataTimeout();
        const text = await this.#readResponseText(response, readTimeout.milliseconds);
        if (text === timedOutResponseData) {
            if (readTimeout.fromTotalTimeout) {
                throw new TimeoutError(this.request);
            }
            this.#throwIfTotalTimeoutExhausted();
            return undefined;
        }
        if (!text) {
            return undefined;
        }
        if (!this.#isJsonContentType(response.headers.get('content-type') ?? '')) {
            return text;
        }
        const parseTimeout = this.#getErrorDataTimeout();
        const data = await this.#parseJson(text, response, parseTimeout.milliseconds, this.#getResponseRequest(response));
        if (data === timedOutResponseData) {
            if (parseTimeout.fromTotalTimeout) {
                throw new TimeoutError(this.request);
            }
            this.#throwIfTotalTimeoutExhausted();
            return undefined;
        }
        return data;
    }
    #getErrorDataTimeout() {
        const errorDataTimeout = this.#options.timeout === false ? 10_000 : this.#options.timeout;
        const remainingTotal = this.#getRemainingTotalTimeout();
        if (remainingTotal === undefined) {
            return {
                milliseconds: errorDataTimeout,
                fromTotalTimeout: false,
            };
        }
        if (remainingTotal <= 0) {
            throw new TimeoutError(this.request);
        }
        return {
            milliseconds: Math.min(errorDataTimeout, remainingTotal),
            fromTotalTimeout: remainingTotal <= errorDataTimeout,
        };
    }
    #getBodyReadTimeout() {
        const remainingTotal = this.#getRemainingTotalTimeout();
        if (remainingTotal !== undefined) {
            if (remainingTotal <= 0) {
                throw new TimeoutError(this.request);
            }
            return this.#options.timeout === false
                ? remainingTotal
                : Math.min(this.#options.timeout, remainingTotal);
        }
        return this.#options.timeout === false ? undefined : this.#options.timeout;
    }
    // Unlike error bodies (`#getResponseData`), a successful body read has no fallback value to return -
    // the caller's `.json()`/`.text()`/etc. promise must settle, so a timeout here always rejects.
    async #raceBodyRead(createBodyPromise, response) {
        let timeoutMs;
        try {
            timeoutMs = this.#getBodyReadTimeout();
        }
        catch (error) {
            await this.#throwProcessedError(error);
        }
        const bodyPromise = createBodyPromise();
        if (timeoutMs === undefined) {
            return bodyPromise;
        }
        const result = await Promise.race([
            bodyPromise,
            new Promise(resolve => {
                const timeoutId = setTimeout(() => {
                    resolve(timedOutResponseData);
                }, timeoutMs);
                void bodyPromise.finally(() => {
                    clearTimeout(timeoutId);
                }).catch(() => undefined);
            }),
        ]);
        if (result === timedOutResponseData) {
            // The stream is locked by the native body method's own reader by this point, so
            // `response.body.cancel()` would reject as "already locked". Aborting the request's
            // signal is what actually interrupts the underlying network read.
            this.#abortController?.abort();
            await this.#throwProcessedError(new TimeoutError(this.#getResponseRequest(response)));
        }
        return result;
    }
    async #raceWithTotalTimeout(operation) {
        const remainingTotal = this.#getRemainingTotalTimeout();
        if (remainingTotal === undefined) {
            return operation();
        }
        if (remainingTotal <= 0) {
            this.#abortController?.abort();
            return timedOutOperation;
        }
        let timeoutId;
        try {
            const timeoutPromise = new Promise(resolve => {
                timeoutId = setTimeout(() => {
                    resolve(timedOutOperation);
                }, remainingTotal);
            });
            const operationResult = Promise.resolve()
                .then(operation)
                .then(value => ({ status: 'fulfilled', value }))
                .catch((error) => ({ status: 'rejected', error }));
            const result = await Promise.race([operationResult, timeoutPromise]);
            const remainingAfterOperation = this.#getRemainingTotalTimeout();
            const didTimeOut = result === timedOutOperation || (remainingAfterOperation !== undefined && remainingAfterOperation <= 0);
            if (didTimeOut) {
                this.#abortController?.abort();
                if (result === timedOutOperation) {
                    void operationResult.then(result => {
                        if (result.status === 'fulfilled') {
                            this.#cancelReturnedBody(result.value);
                        }
                    });
                }
                else if (result.status === 'fulfilled') {
                    this.#cancelReturnedBody(result.value);
                }
                return timedOutOperation;
            }
            if (result.status === 'rejected') {
                throw result.error;
            }
            return result.value;
        }
        finally {
            clearTimeout(timeoutId);
        }
    }
    #isJsonContentType(contentType) {
        // Match JSON subtypes like `json`, `problem+json`, and `vnd.api+json`.
        const mimeType = (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
        return /\/(?:.*[.+-])?json$/.test(mimeType);
    }
    async #readResponseText(response, timeoutMs) {
        const { body } = response;
        if (!body) {
            try {
                return await response.text();
            }
            catch {
                return undefined;
            }
        }
        let reader;
        try {
            reader = body.getReader();
        }
        catch {
            // Another consumer already locked the stream.
            return undefined;
        }
        const decoder = createTextDecoder(response.headers.get('content-type') ?? '');
        const chunks = [];
        let totalBytes = 0;
        const readAll = (async () => {
            try {
                for (;;) {
                    // eslint-disable-next-line no-await-in-loop
                    const { done, value } = await reader.read();
                    if (done) {
                        break;
                    }
                    totalBytes += value.byteLength;
                    if (totalBytes > maxErrorResponseBodySize) {
                        void reader.cancel().catch(() => undefined);
                        return undefined;
                    }
                    chunks.push(decoder.decode(value, { stream: true }));
                }
            }
            catch {
                return undefined;
            }
            chunks.push(decoder.decode());
            return chunks.join('');
        })();
        const timeoutPromise = new Promise(resolve => {
            const timeoutId = setTimeout(() => {
                resolve(timedOutResponseData);
            }, timeoutMs);
            void readAll.finally(() => {
                clearTimeout(timeoutId);
            });
        });
        const result = await Promise.race([readAll, timeoutPromise]);
        if (result === timedOutResponseData) {
            void reader.cancel().catch(() => undefined);
        }
        return result;
    }
    async #parseJson(text, response, timeoutMs, request) {
        let timeoutId;
        try {
            return await Promise.race([
                Promise.resolve().then(() => this.#options.parseJson
                    ? this.#options.parseJson(text, { request, response })
                    : JSON.parse(text)),
                new Promise(resolve => {
                    timeoutId = setTimeout(() => {
                        resolve(timedOutResponseData);
                    }, timeoutMs);
                }),
            ]);
        }
        catch {
            return undefined;
        }
        finally {
            clearTimeout(timeoutId);
        }
    }
    #cancelBody(body) {
        if (!body) {
            return;
        }
        // Ignore cancellation failures from already-locked or already-consumed streams.
        void body.cancel().catch(() => undefined);
    }
    #cancelResponseBody(response) {
        // Ignore cancellation failures from already-locked or already-consumed streams.
        this.#cancelBody(response.body ?? undefined);
    }
    #cancelReturnedBody(value) {
        if (isResponseInstance(value)) {
            this.#cancelResponseBody(value);
        }
        else if (isRequestInstance(value)) {
            this.#cancelBody(value.body ?? undefined);
        }
    }
    #createManagedSignal() {
        return this.#userProvidedAbortSignal
            ? AbortSignal.any([this.#userProvidedAbortSignal, this.#abortController.signal])
            : this.#abortController.signal;
    }
    #throwIfTotalTimeoutExhausted() {
        const remaining = this.#getRemainingTotalTimeout();
        if (remaining !== undefined && remaining <= 0) {
            throw new TimeoutError(this.request);
        }
    }
    async #runBeforeRequestHooks() {
        for (const hook of this.#options.hooks.beforeRequest) {
            // eslint-disable-next-line no-await-in-loop
            const result = await this.#raceWithTotalTimeout(async () => hook({
                request: this.request,
                options: this.#getNormalizedOptions(),
                retryCount: 0,
            }));
            if (result === timedOutOperation) {
                throw new TimeoutError(this.request);
            }
            if (isRequestInstance(result)) {
                this.#assignRequest(result);
            }
            else if (isResponseInstance(result)) {
                return result;
            }
        }
        return undefined;
    }
    async #runAfterResponseHooks(response) {
        const responseRequest = this.#getResponseRequest(response);
        for (const hook of this.#options.hooks.afterResponse) {
            const hookResponse = this.#setResponseRequest(response.clone(), responseRequest);
            this.#decorateResponse(hookResponse);
            let modifiedResponse;
            try {
                // eslint-disable-next-line no-await-in-loop
                modifiedResponse = await this.#raceWithTotalTimeout(async () => hook({
                    request: this.request,
                    options: this.#getNormalizedOptions(),
                    response: hookResponse,
                    retryCount: this.#retryCount,
                }));
                if (modifiedResponse === timedOutOperation) {
                    throw new TimeoutError(this.request);
                }
            }
            catch (error) {
                // Cancel both responses to prevent memory leaks when hook throws
                if (hookResponse !== response) {
                    this.#cancelResponseBody(hookResponse);
                }
                this.#cancelResponseBody(response);
                throw error;
            }
            if (modifiedResponse instanceof RetryMarker) {
                // Cancel both the cloned response passed to the hook and the current response to prevent resource leaks (especially important in Deno/Bun).
                // Do not await cancellation since hooks can clone the response, leaving extra tee branches that keep cancel promises pending per the Streams spec.
                if (hookResponse !== response) {
                    this.#cancelResponseBody(hookResponse);
                }
                this.#cancelResponseBody(response);
                throw new ForceRetryError_ForceRetryError(modifiedResponse.options);
            }
            const nextResponse = isResponseInstance(modifiedResponse)
                ? this.#setResponseRequest(modifiedResponse, responseRequest)
                : response;
            // Cancel any response bodies we won't use to prevent memory leaks.
            // Uses fire-and-forget since hooks may have cloned the response, creating tee branches that block cancellation.
            // If the hook wrapped an existing body into a new Response, both Response objects can still point at the same stream.
            if (hookResponse !== response && hookResponse !== nextResponse && hookResponse.body !== nextResponse.body) {
                this.#cancelResponseBody(hookResponse);
            }
            if (response !== nextResponse && response.body !== nextResponse.body) {
                this.#cancelResponseBody(response);
            }
            response = nextResponse;
        }
        return response;
    }
    async #retry(function_) {
        try {
            return await function_();
        }
        catch (error) {
            return this.#retryFromError(error, function_);
        }
    }
    async #retryFromError(error, function_) {
        this.#returnedResponseFromBeforeRetryHook = false;
        const retryDelay = Math.min(await this.#calculateRetryDelay(error), maxSafeTimeout);
        const delayOptions = { signal: this.#userProvidedAbortSignal };
        const remainingTimeout = this.#getRemainingTotalTimeout();
        if (remainingTimeout !== undefined) {
            if (remainingTimeout <= 0) {
                throw new TimeoutError(this.request);
            }
            // If waiting would consume all remaining budget, time out without starting another request.
            if (retryDelay >= remainingTimeout) {
                await delay(remainingTimeout, delayOptions);
                throw new TimeoutError(this.request);
            }
        }
        // Only use user-provided signal for delay, not our internal abortController
        await delay(retryDelay, delayOptions);
        this.#throwIfTotalTimeoutExhausted();
        // Apply custom request from forced retry before beforeRetry hooks
        // Ensure the custom request has the correct managed signal for timeouts and user aborts
        if (error instanceof ForceRetryError_ForceRetryError && error.customRequest) {
            const customRequest = new globalThis.Request(error.customRequest, this.#options.signal ? { signal: this.#options.signal } : undefined);
            // Replacement Requests are authoritative by design. Do not rewrite headers here,
            // even for cross-origin retries. Callers using `ky.retry({request})` explicitly
            // opted into the exact Request they constructed.
            this.#assignRequest(customRequest);
        }
        for (const hook of this.#options.hooks.beforeRetry) {
            let hookResult;
            try {
                // eslint-disable-next-line no-await-in-loop
                hookResult = await this.#raceWithTotalTimeout(async () => hook({
                    request: this.request,
                    options: this.#getNormalizedOptions(),
                    error: error,
                    retryCount: this.#retryCount + 1,
                }));
            }
            catch (hookError) {
                // Preserve the original request error path (`throw error`) so beforeError hooks can still run.
                if (hookError instanceof Error && hookError !== error) {
                    this.#beforeRetryHookErrors.add(hookError);
                }
                throw hookError;
            }
            if (hookResult === timedOutOperation) {
                throw new TimeoutError(this.request);
            }
            if (isRequestInstance(hookResult)) {
                // Same contract as `ky.retry({request})`: a Request returned from `beforeRetry`
                // is used as-is rather than being sanitized or otherwise rewritten by Ky.
                this.#assignRequest(hookResult);
                break;
            }
            if (isResponseInstance(hookResult)) {
                this.#returnedResponseFromBeforeRetryHook = true;
                this.#retryCount++;
                return hookResult;
            }
            // If `stop` is returned from the hook, the retry process is stopped
            if (hookResult === stop) {
                return;
            }
        }
        this.#throwIfTotalTimeoutExhausted();
        this.#retryCount++;
        return this.#retry(function_);
    }
    #consumeReturnedResponseFromBeforeRetryHook() {
        const value = this.#returnedResponseFromBeforeRetryHook;
        this.#returnedResponseFromBeforeRetryHook = false;
        return value;
    }
    async #fetch() {
        // Reset abortController if it was aborted (happens on timeout retry)
        if (this.#abortController?.signal.aborted) {
            this.#abortController = new globalThis.AbortController();
            this.#options.signal = this.#createManagedSignal();
            // Recreate request with new signal
            this.request = new globalThis.Request(this.request, { signal: this.#options.signal });
        }
        const nonRequestOptions = findUnknownOptions(this.#options);
        this.#retryLimit = normalizeRetryOptions(this.#options.retry).limit;
        const retryRequest = this.#retryLimit > 0 ? this.request.clone() : undefined;
        const request = this.#wrapRequestWithUploadProgress(this.request, this.#options.body ?? undefined);
        // Cloning is done here to prepare in advance for retries.
        // Skip cloning when retries are disabled - cloning a streaming body calls ReadableStream#tee()
        // which buffers the entire stream in memory, causing excessive memory usage for large uploads.
        this.#originalRequest = request;
        if (retryRequest) {
            this.request = retryRequest;
        }
        try {
            const remainingTotal = this.#getRemainingTotalTimeout();
            if (remainingTotal !== undefined && remainingTotal <= 0) {
                throw new TimeoutError(this.request);
            }
            const effectiveTimeout = this.#options.timeout === false
                ? remainingTotal
                : (remainingTotal === undefined
                    ? this.#options.timeout
                    : Math.min(this.#options.timeout, remainingTotal));
            const response = effectiveTimeout === undefined
                ? await this.#options.fetch(request, nonRequestOptions)
                : await timeout(request, nonRequestOptions, this.#abortController, {
                    timeout: effectiveTimeout,
                    fetch: this.#options.fetch,
                });
            return this.#setResponseRequest(response, request);
        }
        catch (error) {
            if (isRawNetworkError(error)) {
                throw new NetworkError(this.request, { cause: error });
            }
            throw error;
        }
    }
    #getRemainingTotalTimeout() {
        if (this.#startTime === undefined) {
            return undefined;
        }
        const elapsed = this.#getCurrentTime() - this.#startTime;
        return Math.max(0, this.#options.totalTimeout - elapsed);
    }
    #getCurrentTime() {
        return globalThis.performance?.now() ?? Date.now();
    }
    #getNormalizedOptions() {
        if (!this.#cachedNormalizedOptions) {
            // Exclude Ky-specific options that are not part of `RequestInit`.
            const { hooks, json, parseJson, stringifyJson, searchParams, timeout, totalTimeout, throwHttpErrors, fetch, ...normalizedOptions } = this.#options;
            this.#cachedNormalizedOptions = Object.freeze(normalizedOptions);
        }
        return this.#cachedNormalizedOptions;
    }
    #assignRequest(request) {
        this.#cachedNormalizedOptions = undefined;
        this.request = request;
    }
    #getResponseRequest(response) {
        return this.#responseRequests.get(response) ?? this.request;
    }
    #setResponseRequest(response, request) {
        this.#responseRequests.set(response, request);
        return response;
    }
    #wrapRequestWithUploadProgress(request, originalBody) {
        if (!this.#options.onUploadProgress || !request.body || !supportsRequestStreams) {
            return request;
        }
        return streamRequest(request, this.#options.onUploadProgress, originalBody ?? this.#options.body ?? undefined);
    }
}
//# sourceMappingURL=Ky.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/index.js
/*! MIT License © Sindre Sorhus */



const createInstance = (defaults) => {
    // eslint-disable-next-line @typescript-eslint/promise-function-async
    const ky = (input, options) => Ky.create(input, validateAndMerge(defaults, options));
    for (const method of requestMethods) {
        // eslint-disable-next-line @typescript-eslint/promise-function-async
        ky[method] = (input, options) => Ky.create(input, validateAndMerge(defaults, options, { method }));
    }
    ky.create = (newDefaults) => createInstance(validateAndMerge(newDefaults));
    ky.extend = (newDefaults) => {
        if (typeof newDefaults === 'function') {
            newDefaults = newDefaults(defaults ?? {});
        }
        return createInstance(validateAndMerge(defaults, newDefaults));
    };
    ky.stop = stop;
    ky.retry = retry;
    return ky;
};
const ky = createInstance();
/* harmony default export */ const distribution = (ky);








// Intentionally not exporting this for now as it's just an implementation detail and we don't want to commit to a certain API yet at least.
// export {NonError} from './errors/NonError.js';
//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __nccwpck_require__(2988);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/hss/signer.ts
/** Huawei Cloud API Gateway signing, SDK-HMAC-SHA256 (what the official SDKs send). */

const ALGORITHM = 'SDK-HMAC-SHA256';
/** `2019-11-15T03:36:55.123Z` → `20191115T033655Z`. */
function sdkDate(date) {
    return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
/**
 * The headers to send with the request: the given ones plus `X-Sdk-Date`, `X-Security-Token`
 * (temporary credentials, signed) and `Authorization`. `Host` is signed as fetch will send it.
 */
function sign(request, credentials, date) {
    const headers = { ...request.headers, 'X-Sdk-Date': sdkDate(date) };
    if (credentials.securityToken)
        headers['X-Security-Token'] = credentials.securityToken;
    const signed = { ...headers, host: request.url.host };
    const { signedHeaders, hash } = canonicalRequestHash(request.method, request.url, signed, request.body);
    const signature = signatureOf(credentials.secretAccessKey, headers['X-Sdk-Date'], hash);
    headers.Authorization = `${ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
}
function signatureOf(secretAccessKey, sdkDateValue, canonicalHash) {
    const stringToSign = `${ALGORITHM}\n${sdkDateValue}\n${canonicalHash}`;
    return (0,external_node_crypto_.createHmac)('sha256', Buffer.from(secretAccessKey, 'utf8')).update(stringToSign, 'utf8').digest('hex');
}
/** hex(sha256(CanonicalRequest)) and the SignedHeaders list, for the given headers (all of them are signed). */
function canonicalRequestHash(method, url, headers, body) {
    const entries = Object.entries(headers)
        .map(([name, value]) => [name.toLowerCase(), value.trim()])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const signedHeaders = entries.map(([name]) => name).join(';');
    const canonical = [
        method.toUpperCase(),
        canonicalUri(url.pathname),
        canonicalQuery(url.searchParams),
        entries.map(([name, value]) => `${name}:${value}\n`).join(''),
        signedHeaders,
        sha256Hex(body)
    ].join('\n');
    return { canonical, signedHeaders, hash: sha256Hex(canonical) };
}
/** Each segment percent-encoded, with a trailing slash added for signing only. */
function canonicalUri(pathname) {
    const encoded = pathname
        .split('/')
        .map((segment) => percentEncode(safeDecode(segment)))
        .join('/');
    return encoded.endsWith('/') ? encoded : `${encoded}/`;
}
/** Sorted by raw key, then raw value (UTF-16 order, as the official signers sort), then encoded. */
function canonicalQuery(params) {
    return [...params]
        .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
        .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
        .join('&');
}
/** RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes upper-case %XX. */
function percentEncode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function safeDecode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** The parts of an `Authorization: SDK-HMAC-SHA256 …` header, or undefined when it is not one. */
function parseAuthorization(header) {
    const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(header.trim());
    if (!match)
        return undefined;
    const [, access = '', signed = '', signature = ''] = match;
    return { access, signedHeaders: signed.split(';'), signature };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/hss/transport.ts
/**
 * One signed request to HSS or IAM through ky, with a per-request time-out, cancellation, and every
 * failure turned into an HssError that says whether it is worth retrying.
 */





function createTransport(options) {
    const now = options.now ?? (() => new Date());
    const redact = redactor(secretsOf(options.auth));
    return async function send(call) {
        const body = call.body === undefined ? '' : JSON.stringify(call.body);
        const headers = headersFor(options, call.url, call.method, body, now());
        const timeoutMs = Math.max(1, Math.min(call.timeoutMs ?? options.requestTimeoutMs, options.requestTimeoutMs));
        const deadline = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
        let status = 0;
        let text;
        let response;
        try {
            response = await distribution(call.url, {
                method: call.method,
                headers,
                ...(body ? { body } : {}),
                retry: 0,
                timeout: false,
                throwHttpErrors: false,
                signal,
                hooks: { afterResponse: options.debug ? [debugHook(options.debug)] : [] }
            });
            status = response.status;
            text = await readCapped(response, MAX_BODY_BYTES);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw new errors/* CancelledError */.cc();
            if (error instanceof BodyTooLarge)
                throw new errors/* HssError */.T9({ kind: 'bad-body', operation: call.operation, status, cause: error });
            const tls = tlsFailure(error);
            if (tls)
                throw new errors/* HssError */.T9({ kind: 'tls', operation: call.operation, cause: tls });
            const kind = deadline.aborted ? 'timeout' : 'network';
            throw new errors/* HssError */.T9({ kind, operation: call.operation, ...(status ? { status } : {}), cause: error });
        }
        const requestId = response.headers.get('x-request-id') ?? undefined;
        const parsed = parseJson(text);
        if (response.ok) {
            if (parsed.ok && call.accept(parsed.value))
                return parsed.value;
            throw new errors/* HssError */.T9({ kind: 'bad-body', operation: call.operation, status, ...(requestId ? { requestId } : {}) });
        }
        const detail = parsed.ok ? errorDetail(parsed.value) : {};
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        throw new errors/* HssError */.T9({
            kind: 'http',
            operation: call.operation,
            status,
            ...(detail.code ? { errorCode: redact(detail.code) } : {}),
            ...(detail.message ? { errorMsg: redact(detail.message) } : {}),
            ...(detail.requestId || requestId ? { requestId: detail.requestId ?? requestId } : {}),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs })
        });
    };
}
function headersFor(options, url, method, body, date) {
    const base = { 'Content-Type': 'application/json' };
    if (options.projectId)
        base['X-Project-Id'] = options.projectId;
    const extra = { 'User-Agent': version/* USER_AGENT */._O, Accept: 'application/json' };
    if (options.auth.kind === 'token') {
        return { ...base, ...extra, 'X-Auth-Token': options.auth.token };
    }
    return { ...sign({ method, url, headers: base, body }, options.auth, date), ...extra };
}
/** Logs the answer and which headers were sent (names only: values may be credentials). */
function debugHook(debug) {
    return ({ request, response }) => {
        const sent = [...request.headers.keys()].join(', ');
        debug(`${request.method} ${request.url} → HTTP ${response.status} (request id ${response.headers.get('x-request-id') ?? 'none'}; sent headers: ${sent})`);
    };
}
/** OpenSSL's verdicts on a certificate chain that no retry can change. */
const TLS_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_REVOKED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** The certificate error somewhere in a fetch failure's chain of causes, if there is one. */
function tlsFailure(error) {
    for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
        const code = cause.code;
        if (typeof code === 'string' && TLS_CODES.has(code))
            return new Error(`${code}: ${cause.message}`);
    }
    return undefined;
}
/** No answer this action asks for comes near this; a larger one is refused, not buffered. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
class BodyTooLarge extends Error {
    constructor() {
        super(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    }
}
async function readCapped(response, cap) {
    if (!response.body)
        return '';
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > cap) {
        await response.body.cancel();
        throw new BodyTooLarge();
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > cap)
            throw new BodyTooLarge();
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
const MAX_MESSAGE = 500;
/** Reads `{error_code, error_msg}`, `{code, message}` and `{error: {code, message}}`. */
function errorDetail(data) {
    if (!isRecord(data))
        return {};
    const nested = isRecord(data.error) ? data.error : undefined;
    const code = firstString(data.error_code, data.code, nested?.code);
    const message = firstString(data.error_msg, data.message, nested?.message);
    const requestId = firstString(data.request_id, nested?.request_id);
    return {
        ...(code ? { code: code.slice(0, 64) } : {}),
        ...(message ? { message: (0,src_escape/* oneLine */.TN)(message).slice(0, MAX_MESSAGE) } : {}),
        ...(requestId ? { requestId: requestId.slice(0, 128) } : {})
    };
}
/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    if (!header)
        return undefined;
    const text = header.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function firstString(...values) {
    for (const value of values) {
        if (typeof value === 'string' && value)
            return value;
        if (typeof value === 'number')
            return String(value);
    }
    return undefined;
}
function secretsOf(auth) {
    return auth.kind === 'token' ? [auth.token] : [auth.secretAccessKey, auth.securityToken ?? ''];
}
/** Replaces every secret in a server-supplied text, so an echoed credential never reaches a message. */
function redactor(secrets) {
    const present = secrets.filter((secret) => secret.length >= 4);
    return (text) => present.reduce((out, secret) => out.split(secret).join('***'), text);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _toolkit_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1709);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9373);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2459);
/* harmony import */ var _hss_proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7430);
/** The action's entry point: the runner starts dist/index.js, built from this file. */




const cancel = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        // The runner gives a cancelled step a few seconds before it kills it: stop waiting now.
        cancel.abort();
        setTimeout(() => process.exit(process.exitCode ?? 1), 1500).unref();
    });
}
if ((0,_hss_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .useProxyFromEnv */ .b)(process.env) === 'unsupported') {
    _toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`HTTPS_PROXY/HTTP_PROXY are set but Node ${process.version} cannot apply them at run time; set NODE_USE_ENV_PROXY=1 in the step's env`);
}
await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)({ clock: _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, random: Math.random, env: process.env, signal: cancel.signal });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3718:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ parseDecimal),
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   r4: () => (/* binding */ parseText),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/** Parsers for input values. Each returns the value or throws an InputError naming the input. */

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const PLAIN_SECONDS = /^\d+$/;
const DURATION_HELP = 'a duration such as 90s, 15m, 1h, 1h30m, or plain seconds';
/** Parses `90s`, `15m`, `1h30m` or plain seconds into milliseconds. */
function parseDuration(input, value, bounds) {
    const text = value.trim();
    let seconds;
    if (PLAIN_SECONDS.test(text)) {
        seconds = Number(text);
    }
    else {
        const match = DURATION.exec(text);
        if (match && text !== '') {
            const [, h = '0', m = '0', s = '0'] = match;
            seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
        }
    }
    if (seconds === undefined || !Number.isSafeInteger(seconds)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be ${DURATION_HELP}`);
    }
    const ms = seconds * 1000;
    if (ms < bounds.minMs || ms > bounds.maxMs) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be between ${formatDuration(bounds.minMs)} and ${formatDuration(bounds.maxMs)}`);
    }
    return ms;
}
/** `4530000` → `1h15m30s`; the inverse of parseDuration for whole seconds. */
function formatDuration(ms) {
    let seconds = Math.round(ms / 1000);
    const h = Math.floor(seconds / 3600);
    seconds -= h * 3600;
    const m = Math.floor(seconds / 60);
    const s = seconds - m * 60;
    const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
    return text || '0s';
}
/** A whole number in [min, max]. */
function parseInteger(input, value, bounds) {
    const text = value.trim();
    const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be a whole number from ${bounds.min} to ${bounds.max}`);
    }
    return n;
}
/** A decimal number in [min, max], such as `2.5`. */
function parseDecimal(input, value, bounds) {
    const text = value.trim();
    const n = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(n) || n < bounds.min || n > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be a number from ${bounds.min} to ${bounds.max} (decimals allowed)`);
    }
    return n;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(input, value) {
    const text = value.trim();
    if (TRUE.includes(text))
        return true;
    if (FALSE.includes(text))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be true or false');
}
/** One of the allowed words. */
function parseChoice(input, value, allowed) {
    const text = value.trim();
    const found = allowed.find((choice) => choice === text);
    if (found === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be one of ${allowed.join(', ')}`);
    }
    return found;
}
/**
 * An `https://` base URL, or `http://` on a loopback host (how tests reach a local simulator).
 * Returned without a trailing slash.
 */
function parseEndpoint(input, value) {
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be an https:// URL');
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, '(a URL with credentials)', 'must not carry a user name or password');
    }
    if (url.search || url.hash) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a base URL without a query or fragment');
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be an https:// URL (http:// is allowed only for 127.0.0.0/8, localhost and [::1])');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be an https:// URL');
    }
    return url.href.replace(/\/+$/, '');
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
/** A free-text value with a length limit and no control characters. */
function parseText(input, value, maxLength) {
    const text = value.trim();
    if (text.length > maxLength) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${text.slice(0, 40)}…`, `must be at most ${maxLength} characters`);
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, text, 'must not contain control characters such as line breaks');
    }
    return text;
}


/***/ }),

/***/ 2459:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/toolkit.ts + 6 modules
var toolkit = __nccwpck_require__(1709);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __nccwpck_require__(2988);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/** Annotations for the first few failed files: enough to point at them, never hundreds. */

const MAX_ANNOTATIONS = 10;
function annotationsOf(report) {
    if (typeof report.failedFiles !== 'object')
        return [];
    // A passed gate with tolerated failures still points at the files, as warnings.
    const level = report.verdict.result === 'failed' && !report.softFail ? 'error' : 'warning';
    const { files, total } = report.failedFiles;
    const shown = files.slice(0, MAX_ANNOTATIONS);
    const annotations = shown.map((file) => ({
        level,
        title: `HSS could not scan ${(0,src_escape/* truncate */.xv)((0,src_escape/* oneLine */.TN)(file.file_name), 120)}`,
        message: (0,src_escape/* truncate */.xv)((0,src_escape/* oneLine */.TN)(file.failed_reason || 'no reason given'), 500)
    }));
    if (total > shown.length && shown.length > 0) {
        const last = annotations[annotations.length - 1];
        if (last)
            last.message += ` (and ${total - shown.length} more failed files: see the job summary)`;
    }
    return annotations;
}

// EXTERNAL MODULE: ./src/clock.ts
var clock = __nccwpck_require__(9373);
;// CONCATENATED MODULE: ./src/inputs/endpoints.ts
/** Default HSS and IAM endpoints of a region. */
/** Regions whose services live under another top-level domain. */
const DOMAIN_BY_REGION = {
    'eu-west-101': 'myhuaweicloud.eu'
};
const DEFAULT_DOMAIN = 'myhuaweicloud.com';
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/;
function serviceEndpoint(service, region) {
    return `https://${service}.${region}.${DOMAIN_BY_REGION[region] ?? DEFAULT_DOMAIN}`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __nccwpck_require__(3718);
;// CONCATENATED MODULE: ./src/inputs/config.ts
/** Inputs (and their environment fallbacks) become one validated, typed Config. */



const TASK_TYPES = ['iac_scan', 'cluster_scan'];
/** Inputs that fall back to environment variables, in the order tried. */
const ENV_FALLBACKS = {
    region: ['HUAWEI_CLOUD_REGION', 'HUAWEICLOUD_SDK_REGION'],
    'project-id': ['HUAWEI_CLOUD_PROJECT_ID', 'HUAWEICLOUD_SDK_PROJECT_ID'],
    'access-key-id': ['HUAWEI_CLOUD_ACCESS_KEY_ID', 'HUAWEICLOUD_SDK_AK'],
    'secret-access-key': ['HUAWEI_CLOUD_SECRET_ACCESS_KEY', 'HUAWEICLOUD_SDK_SK'],
    'security-token': ['HUAWEI_CLOUD_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_SECURITY_TOKEN']
};
/** Inputs whose values must never be printed. */
const SECRET_INPUTS = ['secret-access-key', 'security-token', 'auth-token', 'github-token'];
/** An input's value, else its first non-empty environment fallback, else ''. */
function resolveInput(source, name) {
    const direct = source.read(name).trim();
    if (direct)
        return direct;
    for (const variable of ENV_FALLBACKS[name] ?? []) {
        const value = source.env[variable]?.trim();
        if (value)
            return value;
    }
    return '';
}
const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
function buildConfig(source) {
    const get = (name) => resolveInput(source, name);
    const taskType = (0,parse/* parseChoice */.HU)('task-type', get('task-type') || 'iac_scan', TASK_TYPES);
    const task = taskRef(get('task-id'), get('task-name'));
    const regionText = get('region');
    if (regionText && !REGION_PATTERN.test(regionText)) {
        throw new errors/* InputError */.dz('region', regionText, 'must be a Huawei Cloud region name such as ap-southeast-1');
    }
    const region = regionText || undefined;
    const auth = authFrom(get);
    const projectText = get('project-id');
    if (projectText && !ID_PATTERN.test(projectText)) {
        throw new errors/* InputError */.dz('project-id', projectText, 'must be a project id (letters, digits, - and _, at most 64)');
    }
    const projectId = projectText || undefined;
    if (!projectId && auth.kind === 'token') {
        throw new errors/* InputError */.dz('project-id', undefined, 'is required with auth-token (the IAM project look-up needs access-key-id and secret-access-key); set it or HUAWEI_CLOUD_PROJECT_ID');
    }
    const endpoint = endpointFor('endpoint', get('endpoint'), 'hss', region);
    if (!projectId && !region) {
        throw new errors/* InputError */.dz('region', undefined, 'is required to look up the project id when project-id is empty; set region (or HUAWEI_CLOUD_REGION) or project-id');
    }
    // Only the project look-up talks to IAM; without it a given iam-endpoint is still checked.
    const iamText = get('iam-endpoint');
    const iamEndpoint = projectId && !iamText ? undefined : endpointFor('iam-endpoint', iamText, 'iam', region);
    const epText = get('enterprise-project-id');
    const enterpriseProjectId = epText ? (0,parse/* parseText */.r4)('enterprise-project-id', epText, 256) : undefined;
    const percentText = get('max-failed-percent');
    return {
        task,
        taskType,
        region,
        projectId,
        enterpriseProjectId,
        endpoint,
        iamEndpoint,
        auth,
        timeoutMs: (0,parse/* parseDuration */.E9)('timeout', get('timeout') || '30m', { minMs: SECOND, maxMs: DAY }),
        pollIntervalMs: (0,parse/* parseDuration */.E9)('poll-interval', get('poll-interval') || '15s', { minMs: SECOND, maxMs: 3600 * SECOND }),
        thresholds: {
            maxFailed: (0,parse/* parseInteger */.cG)('max-failed', get('max-failed') || '0', { min: 0, max: 10_000_000 }),
            maxFailedPercent: percentText ? (0,parse/* parseDecimal */.$Q)('max-failed-percent', percentText, { min: 0, max: 100 }) : undefined,
            minScanned: (0,parse/* parseInteger */.cG)('min-scanned', get('min-scanned') || '1', { min: 0, max: 10_000_000 })
        },
        softFail: (0,parse/* parseBoolean */.yG)('soft-fail', get('soft-fail') || 'false'),
        summary: (0,parse/* parseBoolean */.yG)('summary', get('summary') || 'true'),
        commentOnPr: (0,parse/* parseBoolean */.yG)('comment-on-pr', get('comment-on-pr') || 'false'),
        githubToken: get('github-token')
    };
}
function taskRef(id, name) {
    if (id) {
        if (!ID_PATTERN.test(id)) {
            throw new errors/* InputError */.dz('task-id', id, 'must be a task id (letters, digits, - and _, at most 64)');
        }
        return { by: 'id', id };
    }
    if (name)
        return { by: 'name', name: (0,parse/* parseText */.r4)('task-name', name, 255) };
    throw new errors/* InputError */.dz('task-id', undefined, 'or `task-name` must be set: give the id or the exact name of the HSS task to wait for');
}
function authFrom(get) {
    const token = get('auth-token');
    if (token)
        return { kind: 'token', token };
    const accessKeyId = get('access-key-id');
    const secretAccessKey = get('secret-access-key');
    if (accessKeyId && !secretAccessKey) {
        throw new errors/* InputError */.dz('secret-access-key', undefined, 'is missing: access-key-id is set, so give its secret key too (or HUAWEI_CLOUD_SECRET_ACCESS_KEY)');
    }
    if (secretAccessKey && !accessKeyId) {
        throw new errors/* InputError */.dz('access-key-id', undefined, 'is missing: secret-access-key is set, so give its access key id too (or HUAWEI_CLOUD_ACCESS_KEY_ID)');
    }
    if (!accessKeyId) {
        throw new errors/* InputError */.dz('access-key-id', undefined, 'and `secret-access-key` are not set, nor is `auth-token`: give AK/SK (for example through huaweicloud/auth-action, which exports HUAWEI_CLOUD_ACCESS_KEY_ID and HUAWEI_CLOUD_SECRET_ACCESS_KEY) or an IAM token in auth-token');
    }
    if (!/^[A-Za-z0-9]{8,128}$/.test(accessKeyId)) {
        throw new errors/* InputError */.dz('access-key-id', accessKeyId, 'must be an access key id (letters and digits)');
    }
    const securityToken = get('security-token');
    return { kind: 'aksk', accessKeyId, secretAccessKey, ...(securityToken ? { securityToken } : {}) };
}
function endpointFor(input, value, service, region) {
    if (value)
        return (0,parse/* parseEndpoint */.Bk)(input, value);
    if (!region) {
        throw new errors/* InputError */.dz('region', undefined, `is required to build the default ${input}; set region (or HUAWEI_CLOUD_REGION) or ${input}`);
    }
    return serviceEndpoint(service, region);
}

;// CONCATENATED MODULE: ./src/gate/locate.ts
const PAGE_LIMIT = 200;
/** Name look-ups stop after this many pages (10,000 fuzzy matches) rather than spend the rate budget. */
const MAX_NAME_PAGES = 50;
function targetOf(ref) {
    return { id: ref.by === 'id' ? ref.id : undefined, name: ref.by === 'name' ? ref.name : undefined };
}
/** `target` is filled in as the task is found, so whoever holds it sees the id too. */
function createLocator(client, taskType, ref, target = targetOf(ref)) {
    async function byId(id, timeoutMs) {
        const page = await client.listTasks({ task_type: taskType, task_id: id }, { offset: 0, limit: 10 }, timeoutMs);
        return page.data_list.find((task) => task.task_id === id);
    }
    async function byName(name, timeoutMs) {
        const body = { task_type: taskType, task_name: name, sort_key: 'start_time', sort_dir: 'desc' };
        for (let pageNo = 0; pageNo < MAX_NAME_PAGES; pageNo++) {
            const offset = pageNo * PAGE_LIMIT;
            const page = await client.listTasks(body, { offset, limit: PAGE_LIMIT }, timeoutMs);
            const newest = newestNamed(page.data_list, name);
            if (newest)
                return newest;
            if (page.data_list.length < PAGE_LIMIT || offset + PAGE_LIMIT >= page.total_num)
                return undefined;
        }
        return undefined;
    }
    return {
        target,
        async locate(timeoutMs) {
            if (target.id)
                return byId(target.id, timeoutMs);
            const task = await byName(target.name ?? '', timeoutMs);
            if (task)
                target.id = task.task_id;
            return task;
        }
    };
}
/** Of the tasks named exactly `name`, the one with the latest start_time. */
function newestNamed(tasks, name) {
    let newest;
    for (const task of tasks) {
        if (task.task_name !== name)
            continue;
        if (!newest || (task.start_time ?? 0) > (newest.start_time ?? 0))
            newest = task;
    }
    return newest;
}
/** `with id t-1` or `named "iac-pr-1"`, for log lines and messages. */
function describeTarget(target) {
    return target.id ? `with id ${target.id}` : `named "${target.name ?? ''}"`;
}

;// CONCATENATED MODULE: ./src/gate/failed-files.ts
/** The failed files of an IaC scan, from ListTaskResources (scan_status failed), paged and capped. */


/** Enough for a readable summary and a bounded `failed-files` output. */
const FAILED_FILES_CAP = 100;
async function listFailedFiles(client, taskId, cap = FAILED_FILES_CAP) {
    const files = [];
    let total = 0;
    for (let offset = 0; files.length < cap; offset += PAGE_LIMIT) {
        const limit = Math.max(10, Math.min(PAGE_LIMIT, cap - files.length));
        const page = await client.listTaskResources(taskId, { task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } }, { offset, limit });
        const list = page.iac_scan_data_list ?? [];
        total = Math.max(page.total_num, offset + list.length);
        for (const resource of list.slice(0, cap - files.length)) {
            files.push({
                file_name: bounded(resource.file_name, 256),
                ...(resource.file_type ? { file_type: bounded(resource.file_type, 32) } : {}),
                ...(resource.chart_name ? { chart_name: bounded(resource.chart_name, 256) } : {}),
                failed_reason: bounded(resource.failed_reason, 500)
            });
        }
        if (list.length < limit || offset + list.length >= page.total_num)
            break;
    }
    return { files, total };
}
function bounded(value, maxLength) {
    return typeof value === 'string' ? (0,src_escape/* truncate */.xv)((0,src_escape/* oneLine */.TN)(value), maxLength) : '';
}

// EXTERNAL MODULE: ./src/hss/transport.ts + 21 modules
var transport = __nccwpck_require__(8219);
;// CONCATENATED MODULE: ./src/hss/client.ts

function createHssClient(send, options) {
    const url = (path, page) => {
        const target = new URL(`${options.endpoint}/v5/${encodeURIComponent(options.projectId)}/${path}`);
        if (options.enterpriseProjectId)
            target.searchParams.set('enterprise_project_id', options.enterpriseProjectId);
        target.searchParams.set('offset', String(page.offset));
        target.searchParams.set('limit', String(page.limit));
        return target;
    };
    return {
        listTasks: (body, page, timeoutMs) => send({
            operation: 'ListTasks',
            method: 'POST',
            url: url('common/tasks/batch-query', page),
            body,
            accept: isListTasksResponse,
            ...(timeoutMs === undefined ? {} : { timeoutMs })
        }),
        listTaskResources: (taskId, body, page) => send({
            operation: 'ListTaskResources',
            method: 'POST',
            url: url(`common/tasks/${encodeURIComponent(taskId)}/resources/batch-query`, page),
            body,
            accept: isListTaskResourcesResponse
        })
    };
}
function isListTasksResponse(data) {
    return ((0,transport/* isRecord */.u4)(data) &&
        typeof data.total_num === 'number' &&
        Array.isArray(data.data_list) &&
        data.data_list.every((task) => (0,transport/* isRecord */.u4)(task) && typeof task.task_id === 'string'));
}
function isListTaskResourcesResponse(data) {
    if (!(0,transport/* isRecord */.u4)(data) || typeof data.total_num !== 'number')
        return false;
    // Cluster scans answer cluster_scan_data_list instead; an absent list reads as empty.
    const list = data.iac_scan_data_list ?? [];
    return Array.isArray(list) && list.every(transport/* isRecord */.u4);
}

// EXTERNAL MODULE: ./src/hss/models.ts
var models = __nccwpck_require__(9406);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var gate_verdict = __nccwpck_require__(5950);
;// CONCATENATED MODULE: ./src/report/outputs.ts
/** The step's outputs, as strings, from a report. */


function outputsOf(report, commentUrl = '') {
    const { task, verdict } = report;
    const files = typeof report.failedFiles === 'object' ? report.failedFiles.files.slice(0, FAILED_FILES_CAP) : [];
    return {
        'task-id': task?.task_id ?? report.target.id ?? '',
        'task-name': task?.task_name ?? report.target.name ?? '',
        'task-status': task?.task_status ?? '',
        scanned: String(verdict.counts.scanned),
        succeeded: String(verdict.counts.succeeded),
        failed: String(verdict.counts.failed),
        'failed-percent': (0,gate_verdict/* percentText */.f)(verdict.failedPercent),
        result: verdict.result,
        reason: verdict.reasons.join('\n'),
        'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
        'task-json': task ? JSON.stringify(task) : '',
        'failed-files': JSON.stringify(files),
        'comment-url': commentUrl
    };
}

// EXTERNAL MODULE: ./src/gate/counts.ts
var gate_counts = __nccwpck_require__(9339);
;// CONCATENATED MODULE: ./src/gate/retry.ts

/** The least time one attempt gets, even at the deadline. */
const MIN_ATTEMPT_MS = 2000;
const BACKOFF_BASE_MS = 1000;
async function retryTransient(attempt, ctx) {
    for (let failures = 1;; failures++) {
        const left = ctx.deadline - ctx.clock.now();
        const timeoutMs = Math.min(ctx.requestTimeoutMs, Math.max(MIN_ATTEMPT_MS, left));
        try {
            return { ok: true, value: await attempt(timeoutMs) };
        }
        catch (error) {
            if (!(error instanceof errors/* HssError */.T9) || !error.transient)
                throw error;
            const delay = backoffDelay(failures, error, ctx);
            const remaining = ctx.deadline - ctx.clock.now();
            if (delay >= remaining) {
                ctx.log(`${error.message}; no time left to retry before the time-out`);
                return { ok: false, error };
            }
            ctx.log(`${retryLine(error)}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${failures + 1})`);
            await ctx.clock.sleep(delay, ctx.signal);
        }
    }
}
/**
 * Exponential backoff with equal jitter: 1 s·2^(n−1), capped, then a random half of it added to half.
 * After throttling it is at least the poll interval; a Retry-After is honoured (plus a little jitter,
 * so gates that share one credential do not come back together).
 */
function backoffDelay(failures, error, ctx) {
    const cap = Math.max(60_000, 4 * ctx.pollIntervalMs);
    const exponential = Math.min(cap, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20));
    let delay = exponential / 2 + (ctx.random() * exponential) / 2;
    if (error.throttled)
        delay = Math.max(delay, ctx.pollIntervalMs * (0.75 + ctx.random() * 0.5));
    if (error.retryAfterMs !== undefined) {
        delay = Math.max(delay, error.retryAfterMs + ctx.random() * Math.min(1000, error.retryAfterMs / 10));
    }
    return Math.round(delay);
}
function retryLine(error) {
    if (error.throttled) {
        const after = error.retryAfterMs === undefined ? '' : ` (Retry-After ${Math.round(error.retryAfterMs / 1000)} s)`;
        return `HSS throttled the request: ${error.operation} got HTTP ${error.status ?? 429}${error.errorCode ? ` ${error.errorCode}` : ''}${after}`;
    }
    return `Transient failure: ${error.message}`;
}

;// CONCATENATED MODULE: ./src/gate/schedule.ts
/**
 * How long to wait before the next status query. HSS allows one user about 5 queries a minute, so a
 * long scan should not spend them on "still running": while HSS's `estimated_time` says the finish
 * is far away, the wait stretches (up to 4 × poll-interval); for the last minute, and as soon as the
 * estimate proves wrong, it is poll-interval again. Gates started together are kept out of lockstep
 * by jitter: the first wait is shortened by up to 10 % (an offset that lasts the whole run), and
 * stretched waits vary by ±10 %. A wait that is not stretched is never longer than poll-interval, so
 * short scans cost no more latency than a fixed poller.
 */

const STRETCH_CAP = 4;
const JITTER = 0.1;
const MINUTE = 60_000;
function fixedSchedule(pollIntervalMs) {
    return { next: () => pollIntervalMs };
}
function adaptiveSchedule(pollIntervalMs, random) {
    let trusted = true;
    let first = true;
    /** When the last estimate said the task would finish, in epoch ms. */
    let predictedFinish;
    return {
        next(task, now) {
            const estimateMs = estimateOf(task);
            if (estimateMs !== undefined && trusted && predictedFinish !== undefined) {
                // Wrong when HSS now expects later than it said (beyond its 1-minute rounding), or the
                // predicted finish has passed by more than that and the task still runs.
                const expectedNow = predictedFinish - now;
                if (estimateMs > expectedNow + MINUTE || now > predictedFinish + MINUTE)
                    trusted = false;
            }
            predictedFinish = estimateMs === undefined ? undefined : now + estimateMs;
            const stretch = trusted && estimateMs !== undefined && estimateMs > MINUTE;
            const offset = first ? 1 - JITTER * random() : 1;
            first = false;
            if (!stretch)
                return Math.round(pollIntervalMs * offset);
            const base = clamp(estimateMs - MINUTE, pollIntervalMs, STRETCH_CAP * pollIntervalMs);
            return Math.round(Math.min(base * (1 - JITTER + 2 * JITTER * random()), STRETCH_CAP * pollIntervalMs));
        }
    };
}
/** HSS's estimate of the time left, in ms, for a task that is still running. */
function estimateOf(task) {
    const minutes = task?.estimated_time;
    if (!task || task.task_status === models/* FINISHED */.B || typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0)
        return undefined;
    return minutes * MINUTE;
}
function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
}

;// CONCATENATED MODULE: ./src/gate/poller.ts





async function waitForTask(options) {
    const { locator, clock } = options;
    let task;
    let queries = 0;
    let lastCall = false;
    const schedule = options.schedule ?? adaptiveSchedule(options.pollIntervalMs, options.random);
    for (;;) {
        const attempt = await retryTransient((timeoutMs) => {
            queries++;
            return locator.locate(timeoutMs);
        }, options);
        if (!attempt.ok)
            return { kind: 'timed-out', task, queries, lastError: attempt.error };
        task = attempt.value ?? task;
        options.log(progressLine(attempt.value, locator, options.taskType));
        if (attempt.value?.task_status === models/* FINISHED */.B)
            return { kind: 'finished', task: attempt.value, queries };
        if (lastCall)
            return { kind: 'timed-out', task, queries };
        const delay = schedule.next(attempt.value, clock.now());
        const remaining = options.deadline - clock.now();
        if (remaining <= 0)
            return { kind: 'timed-out', task, queries };
        if (delay >= remaining)
            lastCall = true;
        await clock.sleep(Math.min(delay, remaining), options.signal);
    }
}
/** One line per query: status, counts, and HSS's estimate of the minutes left. */
function progressLine(task, locator, taskType) {
    if (!task) {
        return `No ${taskType} task ${describeTarget(locator.target)} yet; waiting for it to appear`;
    }
    const counts = (0,gate_counts/* countsOf */.mQ)(task, taskType);
    const total = `${counts.succeeded + counts.failed}/${counts.scanned}`;
    const estimate = task.task_status !== models/* FINISHED */.B && typeof task.estimated_time === 'number' ? `, about ${task.estimated_time} min left` : '';
    return `Task "${task.task_name ?? ''}" (${task.task_id}): ${task.task_status ?? 'unknown'}, ${total} ${(0,gate_counts/* itemWord */.ul)(taskType)} done, ${counts.failed} failed${estimate}`;
}

;// CONCATENATED MODULE: ./src/inputs/secrets.ts
/** Registers every secret with the runner before anything is logged, so the runner masks it. */

function registerSecrets(source, setSecret) {
    for (const name of SECRET_INPUTS) {
        const value = resolveInput(source, name);
        if (value)
            setSecret(value);
    }
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __nccwpck_require__(7994);
;// CONCATENATED MODULE: ./src/main.ts
/** Wires the pieces together: inputs → config → client → wait → verdict → report. */

















/** The longest a single request may take. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The longest the pull-request comment may hold up the verdict. */
const COMMENT_TIMEOUT_MS = 30_000;
/** Time allowed for the failed-file listing, after the verdict is known. */
const FAILED_FILES_BUDGET_MS = 60_000;
/** Without deps (as @github/local-action calls it): the real clock, Math.random, process.env, no cancellation. */
async function run(deps = { clock: clock/* systemClock */.m, random: Math.random, env: process.env, signal: new AbortController().signal }) {
    const startedAt = deps.clock.now();
    const source = { read: (name) => toolkit/* getInput */.V4(name), env: deps.env };
    registerSecrets(source, toolkit/* setSecret */.Pq);
    let config;
    try {
        config = buildConfig(source);
    }
    catch (error) {
        toolkit/* setFailed */.C1(error instanceof Error ? error.message : String(error));
        return;
    }
    const target = targetOf(config.task);
    try {
        await gate(config, deps, startedAt, target);
    }
    catch (error) {
        await stop(config, error, target);
    }
}
async function gate(config, deps, startedAt, target) {
    const retry = (deadline) => ({
        clock: deps.clock,
        random: deps.random,
        deadline,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        pollIntervalMs: config.pollIntervalMs,
        log: toolkit/* info */.pq,
        signal: deps.signal
    });
    const deadline = startedAt + config.timeoutMs;
    const transportOptions = {
        auth: config.auth,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        signal: deps.signal,
        now: () => new Date(deps.clock.now()),
        debug: toolkit/* debug */.Yz
    };
    let projectId = config.projectId;
    if (!projectId) {
        // Most workflows give the project id (huaweicloud/auth-action exports it): load IAM only when needed.
        const { lookUpProjectId } = await __nccwpck_require__.e(/* import() */ 883).then(__nccwpck_require__.bind(__nccwpck_require__, 883));
        const iamSend = (0,transport/* createTransport */.oO)(transportOptions);
        const found = await retryTransient(() => lookUpProjectId(iamSend, config.iamEndpoint ?? '', config.region ?? ''), retry(deadline));
        if (!found.ok)
            throw found.error;
        projectId = found.value;
        toolkit/* info */.pq(`Project id of ${config.region ?? ''}: ${projectId} (looked up in IAM)`);
    }
    const client = createHssClient((0,transport/* createTransport */.oO)({ ...transportOptions, projectId }), {
        endpoint: config.endpoint,
        projectId,
        enterpriseProjectId: config.enterpriseProjectId
    });
    const locator = createLocator(client, config.taskType, config.task, target);
    toolkit/* info */.pq(`Waiting up to ${(0,parse/* formatDuration */.a3)(config.timeoutMs)} for ${config.taskType} task ${describeTarget(locator.target)}`);
    const outcome = await waitForTask({ ...retry(deadline), locator, taskType: config.taskType });
    const verdict = (0,gate_verdict/* judge */.S)({
        task: outcome.task,
        taskType: config.taskType,
        thresholds: config.thresholds,
        timeoutMs: config.timeoutMs,
        wanted: describeTarget(locator.target),
        ...(outcome.kind === 'timed-out' && outcome.lastError ? { lastError: outcome.lastError.message } : {})
    });
    const failedFiles = await failedFilesOf(outcome.task, config, () => retryTransient(() => listFailedFiles(client, outcome.task?.task_id ?? ''), retry(deps.clock.now() + FAILED_FILES_BUDGET_MS)));
    const report = {
        taskType: config.taskType,
        thresholds: config.thresholds,
        softFail: config.softFail,
        timeoutMs: config.timeoutMs,
        target: locator.target,
        task: outcome.task,
        verdict,
        failedFiles,
        elapsedMs: deps.clock.now() - startedAt,
        queries: outcome.queries
    };
    await publish(report, config, deps.signal);
}
/** The failed files of a finished IaC scan that has some; a string says why they could not be listed. */
async function failedFilesOf(task, config, list) {
    if (config.taskType !== 'iac_scan' || task?.task_status !== models/* FINISHED */.B || !task.iac_scan_info?.failed_file_num)
        return undefined;
    let why;
    try {
        const listed = await list();
        if (listed.ok)
            return listed.value;
        why = listed.error.message;
    }
    catch (error) {
        if (error instanceof errors/* CancelledError */.cc)
            throw error;
        why = error instanceof Error ? error.message : String(error);
    }
    toolkit/* warning */.$e(`Could not list the failed files: ${why}. The verdict stands on the counts.`);
    return why;
}
async function publish(report, config, cancel) {
    const commentUrl = config.commentOnPr ? await comment(report, config, cancel) : '';
    for (const [name, value] of Object.entries(outputsOf(report, commentUrl)))
        toolkit/* setOutput */.uH(name, value);
    for (const annotation of annotationsOf(report)) {
        const log = annotation.level === 'error' ? toolkit/* error */.z3 : toolkit/* warning */.$e;
        log(annotation.message, { title: annotation.title });
    }
    if (config.summary)
        await toolkit/* summary */.z.addRaw((0,summary/* renderSummary */.Br)(report)).write();
    const { verdict } = report;
    if (verdict.result === 'passed') {
        toolkit/* info */.pq(`Gate passed: ${verdict.counts.scanned} scanned, ${verdict.counts.failed} failed`);
        return;
    }
    const message = `HSS scan gate ${verdict.result}: ${verdict.reasons.join('; ')}`;
    if (config.softFail)
        toolkit/* warning */.$e(`${message} (soft-fail: not failing the step)`);
    else
        toolkit/* setFailed */.C1(message);
}
/**
 * The pull-request comment is a courtesy: whatever happens to it (even a GitHub API that never
 * answers), the verdict still applies. Returns the comment's URL, or '' when none was written.
 */
async function comment(report, config, cancel) {
    const timeout = AbortSignal.timeout(COMMENT_TIMEOUT_MS);
    try {
        const { upsertPullRequestComment } = await Promise.all(/* import() */[__nccwpck_require__.e(413), __nccwpck_require__.e(33)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9033));
        const outcome = await upsertPullRequestComment(config.githubToken, report, AbortSignal.any([cancel, timeout]));
        if (outcome.kind === 'written') {
            toolkit/* info */.pq(`${outcome.updated ? 'Updated' : 'Wrote'} the pull-request comment: ${outcome.url}`);
            return outcome.url;
        }
        if (outcome.kind === 'skipped')
            toolkit/* info */.pq(`No pull-request comment: ${outcome.why}`);
        else
            toolkit/* warning */.$e(`Could not write the pull-request comment: ${outcome.why}`);
    }
    catch (error) {
        const why = timeout.aborted ? `GitHub did not answer within ${COMMENT_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
        toolkit/* warning */.$e(`Could not write the pull-request comment: ${why}`);
    }
    return '';
}
/** Ends a run that got no verdict: cancelled, or an error that no retry can mend. */
async function stop(config, error, target) {
    const cancelled = error instanceof errors/* CancelledError */.cc;
    const message = error instanceof errors/* HssError */.T9 || error instanceof errors/* InputError */.dz || cancelled
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    toolkit/* setOutput */.uH('task-id', target.id ?? '');
    toolkit/* setOutput */.uH('task-name', target.name ?? '');
    if (config.summary) {
        await toolkit/* summary */.z.addRaw((0,summary/* renderStopSummary */.r4)(cancelled ? 'cancelled' : 'error', message, target)).write();
    }
    toolkit/* setFailed */.C1(cancelled ? `HSS scan gate ${message}` : message);
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A6: () => (/* binding */ SUMMARY_FILE_ROWS),
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   r4: () => (/* binding */ renderStopSummary)
/* harmony export */ });
/* harmony import */ var _gate_counts_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9339);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2988);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3718);
/* harmony import */ var _gate_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5950);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(311);
/**
 * The job summary as Markdown: the verdict first, then the task, the counts, the thresholds each
 * marked met or broken, and the failed files. Every value from HSS goes through escapeCell.
 */





/** Rows of the failed-files table; the rest are counted, not listed. */
const SUMMARY_FILE_ROWS = 50;
function renderSummary(report, options = {}) {
    const parts = [heading(report), taskSection(report), countsSection(report)];
    if (report.verdict.checks.length)
        parts.push(thresholdSection(report.verdict.checks));
    if (report.failedFiles !== undefined)
        parts.push(failedFilesSection(report.failedFiles, options.fileRows ?? SUMMARY_FILE_ROWS));
    parts.push(footer(report));
    return parts.join('\n\n') + '\n';
}
/** The summary of a run that ended before a verdict: cancelled, or stopped by an error. */
function renderStopSummary(title, message, target) {
    const wanted = target.id ? `id \`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(target.id)}\`` : `name **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(target.name ?? '')}**`;
    return [`## ⛔ HSS scan gate: ${title}`, `> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(message, 1000)}`, `Task looked for: ${wanted}`, footerLine()].join('\n\n') + '\n';
}
function heading(report) {
    const { verdict, softFail } = report;
    const soft = softFail && verdict.result !== 'passed' ? ' (soft-fail: reported, not enforced)' : '';
    const title = {
        passed: '## ✅ HSS scan gate passed',
        failed: '## ❌ HSS scan gate failed',
        'timed-out': '## ⏱️ HSS scan gate timed out'
    }[verdict.result];
    const reasons = verdict.reasons.map((reason) => `> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(reason, 500)}`).join('\n>\n');
    return reasons ? `${title}${soft}\n\n${reasons}` : `${title}${soft}`;
}
function taskSection(report) {
    const task = report.task;
    if (!task) {
        const wanted = report.target.id ? `id ${report.target.id}` : `name ${report.target.name ?? ''}`;
        return `### Task\n\nNo ${report.taskType} task with ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(wanted)} was seen.`;
    }
    const rows = [
        ['Name', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.task_name)],
        ['ID', `\`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.task_id)}\``],
        ['Type', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.task_type ?? report.taskType)],
        ...(report.taskType === 'iac_scan'
            ? [['File type', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.iac_scan_info?.file_type ?? '—')]]
            : [['Scan types', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.cluster_scan_info?.scan_type_list?.join(', ') ?? '—')]]),
        ['Trigger', (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.trigger_type ?? '—')],
        ['Status', `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(task.task_status ?? 'unknown')}**`],
        ['Started', time(task.start_time)],
        ['Ended', time(task.end_time)],
        ['Duration', duration(task)]
    ];
    return `### Task\n\n| Field | Value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`;
}
function countsSection(report) {
    const { counts, failedPercent } = report.verdict;
    const items = (0,_gate_counts_js__WEBPACK_IMPORTED_MODULE_3__/* .itemWord */ .ul)(report.taskType);
    return [
        `### Counts (${items})`,
        '',
        '| Scanned | Succeeded | Failed | Failed % |',
        '|---:|---:|---:|---:|',
        `| ${counts.scanned} | ${counts.succeeded} | ${counts.failed} | ${(0,_gate_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .percentText */ .f)(failedPercent)}% |`
    ].join('\n');
}
function thresholdSection(checks) {
    const rows = checks.map((check) => {
        const mark = check.met ? '✅ met' : '❌ broken';
        const actual = check.unit === '%' ? `${(0,_gate_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .percentText */ .f)(check.actual)}%` : String(check.actual);
        return `| ${check.label} | ${check.bound} ${check.limit}${check.unit} (\`${check.input}\`) | ${actual} | ${mark} |`;
    });
    return ['### Thresholds', '', '| Check | Limit | Actual | Result |', '|---|---|---:|---|', ...rows].join('\n');
}
function failedFilesSection(failed, maxRows) {
    if (typeof failed === 'string') {
        return `### Failed files\n\n⚠️ The failed files could not be listed: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(failed, 500)}`;
    }
    const shown = failed.files.slice(0, maxRows);
    const rows = shown.map((file) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(file.file_name)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(file.file_type ?? '')} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(file.failed_reason || 'no reason given', 300)} |`);
    const more = failed.total > shown.length ? `\n\n…and ${failed.total - shown.length} more failed files.` : '';
    return [`### Failed files (${failed.total})`, '', '| File | Type | Reason |', '|---|---|---|', ...rows].join('\n') + more;
}
function footer(report) {
    const waited = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.elapsedMs);
    return `<sub>Waited ${waited} with ${report.queries} status ${report.queries === 1 ? 'query' : 'queries'}. ${footerLine()}</sub>`;
}
function footerLine() {
    return `${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_NAME */ .px} ${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_VERSION */ .Yt}`;
}
function time(ms) {
    if (!ms)
        return '—';
    return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}
function duration(task) {
    if (!task.start_time || !task.end_time || task.end_time < task.start_time)
        return '—';
    return (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(task.end_time - task.start_time);
}


/***/ }),

/***/ 1709:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./src/toolkit.ts
/**
 * The runner commands this action uses, built on @actions/core's own command, file-command and
 * summary modules. Not on its entry point: that one imports @actions/http-client, and with it undici
 * (985 kB of a 1.2 MB bundle), only for OIDC (core.getIDToken), which this action never uses. Measured
 * with `npm run bench`, loading it made every start about 45 ms slower. The wrappers mirror core.js.
 * The modules are reached by path because the package's `exports` lists only its entry point.
 */






function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message);
}
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yt: () => (/* binding */ ACTION_VERSION),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   px: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
/** The action's name and version, for the User-Agent and the summary. */
const ACTION_NAME = 'hss-scan-gate';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (+https://github.com/OWNER/hss-scan-gate)`;


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
